import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TeamView } from "../../../common/schemas/action-plans.ts";
import { TextAreaField } from "../../components/field.tsx";
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { confirmApplication } from "../action-plans/action-plans-api.ts";
import { currentLocale, formatDateTime, formatDay } from "../../lib/i18n.ts";
import { fieldError } from "../../lib/forms.ts";
import { deleteCheckIn, recordCheckIn, teamKeys, updateCheckIn, useTeam } from "./team-api.ts";

type Member = TeamView["teams"][number]["members"][number];
type LastCheckIn = NonNullable<Member["lastCheckIn"]>;

/** The last check-in; the manager who recorded it can correct its agreements or delete it. */
function LastCheckInItem({ checkIn }: { checkIn: LastCheckIn }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const locale = currentLocale();
  const [editing, setEditing] = useState(false);
  const [agreements, setAgreements] = useState(checkIn.agreements);
  const done = () => client.invalidateQueries({ queryKey: teamKeys.all });
  const save = useMutation({
    mutationFn: () => updateCheckIn(checkIn.id, { agreements }),
    onSuccess: async () => {
      setEditing(false);
      await done();
    },
  });
  const remove = useMutation({ mutationFn: () => deleteCheckIn(checkIn.id), onSuccess: done });
  const when = formatDateTime(checkIn.at, locale);
  if (editing)
    return (
      <form
        aria-label={t("ui.team.editCheckIn")}
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <ErrorMessage error={save.error} />
        <TextAreaField
          label={t("ui.team.agreements")}
          rows={3}
          value={agreements}
          onChange={(e) => setAgreements(e.target.value)}
          error={fieldError(save.error, "agreements")}
        />
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {t("ui.team.saveChanges")}
          </button>
          <button type="button" className="button-secondary" onClick={() => setEditing(false)}>
            {t("ui.common.cancel")}
          </button>
        </div>
      </form>
    );
  return (
    <div>
      <p className="hint">
        {t("ui.team.lastCheckIn", { date: when })}
        {checkIn.agreements ? `: ${checkIn.agreements}` : ""}
      </p>
      {save.isSuccess ? <SuccessMessage>{t("ui.team.checkInUpdated")}</SuccessMessage> : null}
      {checkIn.mine ? (
        <div className="button-row">
          <button
            type="button"
            className="button-secondary small"
            onClick={() => {
              setAgreements(checkIn.agreements);
              setEditing(true);
            }}
          >
            {t("ui.team.editCheckIn")}
            <span className="visually-hidden"> {when}</span>
          </button>
          <button
            type="button"
            className="button-secondary small"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(t("ui.team.confirmDeleteCheckIn"))) remove.mutate();
            }}
          >
            {t("ui.team.deleteCheckIn")}
            <span className="visually-hidden"> {when}</span>
          </button>
        </div>
      ) : null}
      <ErrorMessage error={remove.error} />
    </div>
  );
}

function ConfirmButton({ applicationId, learner }: { applicationId: string; learner: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => confirmApplication(applicationId),
    onSuccess: () => client.invalidateQueries({ queryKey: teamKeys.all }),
  });
  return (
    <>
      <button
        type="button"
        className="button-secondary small"
        onClick={() => confirm.mutate()}
        disabled={confirm.isPending}
      >
        {t("ui.team.confirm")}
        <span className="visually-hidden"> ({learner})</span>
      </button>
      <ErrorMessage error={confirm.error} />
    </>
  );
}

/**
 * The check-in guide: three questions before the training (expectations, what to practise, what support)
 * or after it (which plan, when, what support), and the agreements made, saved with the date.
 */
function CheckInGuide({ member }: { member: Member }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const cohort = member.cohorts[0];
  const phase = cohort?.phase ?? "before";
  const [agreements, setAgreements] = useState("");
  const save = useMutation({
    mutationFn: () =>
      recordCheckIn({
        personId: member.personId,
        ...(cohort ? { cohortId: cohort.cohortId } : {}),
        kind: phase,
        agreements,
      }),
    onSuccess: async () => {
      setAgreements("");
      await client.invalidateQueries({ queryKey: teamKeys.all });
    },
  });
  if (!cohort) return null;
  return (
    <details className="check-in">
      <summary>{t(`ui.team.guide.${phase}.title`, { name: member.name })}</summary>
      <ol>
        {[1, 2, 3].map((n) => (
          <li key={n}>{t(`ui.team.guide.${phase}.q${n}`)}</li>
        ))}
      </ol>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <TextAreaField
          label={t("ui.team.agreements")}
          rows={3}
          value={agreements}
          onChange={(e) => setAgreements(e.target.value)}
          error={fieldError(save.error, "agreements")}
        />
        <ErrorMessage error={save.error} />
        <button type="submit" className="button-secondary" disabled={save.isPending}>
          {t("ui.team.saveCheckIn")}
        </button>
      </form>
      {member.lastCheckIn ? (
        <LastCheckInItem key={member.lastCheckIn.id} checkIn={member.lastCheckIn} />
      ) : null}
    </details>
  );
}

function MemberCard({ member }: { member: Member }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className="card member">
      <h3>{member.name}</h3>
      {member.cohorts.map((cohort) => (
        <div key={cohort.cohortId}>
          <p>
            {cohort.cohortName} · {t("ui.team.practiceDay", { date: formatDay(cohort.practiceDay, locale) })}
          </p>
          <p className="hint">
            <meter
              min={0}
              max={Math.max(1, cohort.activitiesDue)}
              value={cohort.activitiesDone}
              aria-hidden="true"
            />{" "}
            {t("ui.team.progress", { done: cohort.activitiesDone, due: cohort.activitiesDue })} ·{" "}
            {cohort.practisedLastWeek ? t("ui.team.practised") : t("ui.team.notPractised")}
          </p>
        </div>
      ))}
      <CheckInGuide member={member} />
      {member.plans.length === 0 ? <p className="hint">{t("ui.team.noPlans")}</p> : null}
      {member.plans.map((plan) => (
        <div key={plan.id} className="plan">
          <p>
            <strong>{t("ui.plans.whenShort")}</strong> {plan.situation}{" "}
            <strong>{t("ui.plans.thenShort")}</strong> {plan.action}
          </p>
          <ul className="plain-list applications">
            {plan.applications.map((a) => (
              <li key={a.id}>
                {formatDateTime(a.occurredAt, locale)}: {t(`ui.plans.outcomes.${a.outcome}`)}
                {a.whatHappened ? ` — ${a.whatHappened}` : ""}{" "}
                {a.confirmed ? (
                  <span className="badge badge-active">{t("ui.plans.confirmed")}</span>
                ) : a.outcome !== "did-not-act" ? (
                  <ConfirmButton applicationId={a.id} learner={member.name} />
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </li>
  );
}

/** The group's progress toward the cohort's goals, as bars: totals only, nobody ranked. */
function TeamProgress({ progress }: { progress: TeamView["teams"][number]["progress"] }) {
  const { t } = useTranslation();
  const bars = [
    { key: "tasks", value: progress.tasksDone, max: progress.tasksDue },
    { key: "plans", value: progress.withPlan, max: progress.inTraining },
    { key: "confirmed", value: progress.confirmed, max: progress.applications },
  ];
  return (
    <dl className="team-progress" aria-label={t("ui.team.progressLabel")}>
      {bars.map((bar) => (
        <div key={bar.key}>
          <dt>{t(`ui.team.totals.${bar.key}`)}</dt>
          <dd>
            <meter min={0} max={Math.max(1, bar.max)} value={bar.value} aria-hidden="true" /> {bar.value} /{" "}
            {bar.max}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The manager's one screen: who is in which training, how far, their plans, and what to confirm. */
export function TeamPage() {
  const { t } = useTranslation();
  const team = useTeam();
  return (
    <Page title={t("ui.team.title")}>
      <p className="notice">{t("ui.team.privacy")}</p>
      {team.isLoading ? <Loading /> : null}
      <ErrorMessage error={team.error} />
      {team.data?.teams.length === 0 ? (
        <EmptyState title={t("ui.team.emptyTitle")}>
          <p>{t("ui.team.emptyText")}</p>
        </EmptyState>
      ) : null}
      {team.data?.teams.map((group) => (
        <section key={group.id} aria-labelledby={`team-${group.id}`}>
          <h2 id={`team-${group.id}`}>{group.name}</h2>
          <TeamProgress progress={group.progress} />
          <ul className="plain-list members">
            {group.members.map((member) => (
              <MemberCard key={member.personId} member={member} />
            ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}
