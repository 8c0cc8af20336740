import { useEffect, useState } from "react";
import { useLocation } from "react-router";
import { useTranslation } from "react-i18next";
import type { TeamView } from "../../../common/schemas/action-plans.ts";
import { TextAreaField } from "../../components/field.tsx";
import { EditDeleteButtons, FormActions, ItemButton, SubmitButton } from "../../components/buttons.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { Page } from "../../components/page.tsx";
import { confirmApplication } from "../action-plans/action-plans-api.ts";
import { currentLocale, formatDateTime, formatDay } from "../../lib/i18n.ts";
import { fieldError, onSubmitDo } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { IfThen } from "../action-plans/if-then.tsx";
import { PulseHistory } from "../action-plans/plan-pulse.tsx";
import { MemberProgress, Waiting } from "./member-progress.tsx";
import { TeamProgress } from "./team-progress.tsx";
import { deleteCheckIn, recordCheckIn, teamKeys, updateCheckIn, useTeam } from "./team-api.ts";

type Member = TeamView["teams"][number]["members"][number];
type LastCheckIn = NonNullable<Member["lastCheckIn"]>;

/** What manager and learner agreed at a check-in; `error` is the last save's failure. */
function AgreementsField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <TextAreaField
      label={t("ui.team.agreements")}
      rows={3}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={fieldError(error, "agreements")}
    />
  );
}

/** The last check-in; the manager who recorded it can correct its agreements or delete it. */
function LastCheckInItem({ checkIn }: { checkIn: LastCheckIn }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [editing, setEditing] = useState(false);
  const [agreements, setAgreements] = useState(checkIn.agreements);
  const save = useSaveThenRefresh(() => updateCheckIn(checkIn.id, { agreements }), [teamKeys.all], {
    onSaved: () => setEditing(false),
  });
  const remove = useSaveThenRefresh(() => deleteCheckIn(checkIn.id), [teamKeys.all]);
  const when = formatDateTime(checkIn.at, locale);
  if (editing)
    return (
      <form aria-label={t("ui.team.editCheckIn")} onSubmit={onSubmitDo(() => save.mutate())}>
        <ErrorMessage error={save.error} />
        <AgreementsField value={agreements} onChange={setAgreements} error={save.error} />
        <FormActions
          submitLabel={t("ui.team.saveChanges")}
          pending={save.isPending}
          onCancel={() => setEditing(false)}
        />
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
        <EditDeleteButtons
          item={when}
          editLabel={t("ui.team.editCheckIn")}
          onEdit={() => {
            setAgreements(checkIn.agreements);
            setEditing(true);
          }}
          deleteLabel={t("ui.team.deleteCheckIn")}
          confirmDelete={t("ui.team.confirmDeleteCheckIn")}
          onDelete={() => remove.mutate()}
          deleting={remove.isPending}
        />
      ) : null}
      <ErrorMessage error={remove.error} />
    </div>
  );
}

function ConfirmButton({ applicationId, learner }: { applicationId: string; learner: string }) {
  const { t } = useTranslation();
  const confirm = useSaveThenRefresh(() => confirmApplication(applicationId), [teamKeys.all]);
  return (
    <>
      <ItemButton
        item={`(${learner})`}
        className="button-secondary small"
        onClick={() => confirm.mutate()}
        disabled={confirm.isPending}
      >
        {t("ui.team.confirm")}
      </ItemButton>
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
  const anchor = `check-in-${member.personId}`;
  // Opened when "needs you" linked here for this check-in; afterwards the manager opens and closes it.
  const [openAtFirst] = useState(() => window.location.hash === `#${anchor}`);
  const cohort = member.cohorts[0];
  const phase = cohort?.phase ?? "before";
  const [agreements, setAgreements] = useState("");
  const save = useSaveThenRefresh(
    () =>
      recordCheckIn({
        personId: member.personId,
        ...(cohort ? { cohortId: cohort.cohortId } : {}),
        kind: phase,
        agreements,
      }),
    [teamKeys.all],
    { onSaved: () => setAgreements("") },
  );
  if (!cohort) return null;
  return (
    <details className="check-in" id={anchor} open={openAtFirst}>
      <summary>{t(`ui.team.guide.${phase}.title`, { name: member.name })}</summary>
      <ol>
        {[1, 2, 3].map((n) => (
          <li key={n}>{t(`ui.team.guide.${phase}.q${n}`)}</li>
        ))}
      </ol>
      <form onSubmit={onSubmitDo(() => save.mutate())}>
        <AgreementsField value={agreements} onChange={setAgreements} error={save.error} />
        <ErrorMessage error={save.error} />
        <SubmitButton className="button-secondary" pending={save.isPending}>
          {t("ui.team.saveCheckIn")}
        </SubmitButton>
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
    <li className="card member" id={`member-${member.personId}`} tabIndex={-1}>
      <h3>
        {member.name} <Waiting member={member} />
      </h3>
      {member.cohorts.map((cohort) => (
        <p key={cohort.cohortId}>
          {cohort.cohortName} · {t("ui.team.practiceDay", { date: formatDay(cohort.practiceDay, locale) })}
        </p>
      ))}
      <MemberProgress member={member} />
      <CheckInGuide member={member} />
      {member.plans.length === 0 ? <p className="hint">{t("ui.team.noPlans")}</p> : null}
      {member.plans.map((plan) => (
        <div key={plan.id} className="plan">
          <p>
            <IfThen plan={plan} />
          </p>
          <PulseHistory pulses={plan.pulses} title={t("ui.pulse.historyTitleTeam", { name: member.name })} />
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

/**
 * A link from "needs you" names a member (`#member-…`) or their check-in (`#check-in-…`): once the team
 * has loaded, bring it into view and move the focus there, so a keyboard or screen-reader user lands on it.
 */
function useScrollToHash(loaded: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!loaded || hash === "") return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    const focusable = target?.closest("li.member") as HTMLElement | null;
    target?.scrollIntoView({ block: "start" });
    focusable?.focus({ preventScroll: true });
  }, [loaded, hash]);
}

/** The manager's one screen: who is in which training, how far, their plans, and what to confirm. */
export function TeamPage() {
  const { t } = useTranslation();
  const team = useTeam();
  useScrollToHash(team.data !== undefined);
  return (
    <Page title={t("ui.team.title")}>
      <p className="notice">{t("ui.team.privacy")}</p>
      <p className="hint">{t("ui.home.manager.order")}</p>
      <QueryState
        query={team}
        isEmpty={(data) => data.teams.length === 0}
        empty={{ title: t("ui.team.emptyTitle"), text: t("ui.team.emptyText") }}
      >
        {(data) =>
          data.teams.map((group) => (
            <section key={group.id} aria-labelledby={`team-${group.id}`}>
              <h2 id={`team-${group.id}`}>{group.name}</h2>
              <TeamProgress progress={group.progress} />
              <ul className="plain-list members">
                {group.members.map((member) => (
                  <MemberCard key={member.personId} member={member} />
                ))}
              </ul>
            </section>
          ))
        }
      </QueryState>
    </Page>
  );
}
