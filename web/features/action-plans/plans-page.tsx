import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanView } from "../../../common/schemas/action-plans.ts";
import { Field, TextAreaField } from "../../components/field.tsx";
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { MyCoaching } from "../coaching/my-coaching.tsx";
import { fieldError } from "../../lib/forms.ts";
import {
  archivePlan,
  deleteApplication,
  logApplication,
  planKeys,
  restorePlan,
  updateApplication,
  useMyPlans,
} from "./action-plans-api.ts";
import { localInput, PlanForm } from "./plan-form.tsx";

const outcomes = ["went-well", "partly", "not-well", "did-not-act"] as const;

function nowLocal(): string {
  const date = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

type Application = PlanView["applications"][number];

/**
 * The one-minute log: when, how it went (four taps), and a line on what happened. With `application`,
 * the same form corrects that entry.
 */
function LogApplication({
  plan,
  application,
  onDone,
}: {
  plan: PlanView;
  application?: Application;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(application !== undefined);
  const [outcome, setOutcome] = useState<(typeof outcomes)[number] | "">(application?.outcome ?? "");
  const [when, setWhen] = useState(() => (application ? localInput(application.occurredAt) : nowLocal()));
  const [text, setText] = useState(application?.whatHappened ?? "");
  const log = useMutation({
    mutationFn: async () => {
      const body = {
        occurredAt: when ? new Date(when).toISOString() : undefined,
        whatHappened: text,
        outcome: outcome || undefined,
      };
      if (application) await updateApplication(application.id, body);
      else await logApplication(plan.id, body);
    },
    onSuccess: async () => {
      setOpen(false);
      setText("");
      setOutcome("");
      await client.invalidateQueries({ queryKey: planKeys.mine() });
      onDone?.();
    },
  });
  const close = () => {
    setOpen(false);
    onDone?.();
  };
  const radioName = `outcome-${application?.id ?? plan.id}`;
  if (!open) {
    return (
      <>
        {log.isSuccess ? <SuccessMessage>{t("ui.plans.logged")}</SuccessMessage> : null}
        <button type="button" className="button-primary" onClick={() => setOpen(true)}>
          {t("ui.plans.logIt")}
          <span className="visually-hidden"> {plan.action}</span>
        </button>
      </>
    );
  }
  return (
    <form
      className="log-form"
      aria-label={application ? t("ui.plans.editLog") : t("ui.plans.logIt")}
      onSubmit={(event) => {
        event.preventDefault();
        log.mutate();
      }}
    >
      <ErrorMessage error={log.error} />
      <fieldset className="field">
        <legend>{t("ui.plans.howItWent")}</legend>
        {outcomes.map((value) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name={radioName}
              checked={outcome === value}
              onChange={() => setOutcome(value)}
            />
            <span>{t(`ui.plans.outcomeChoices.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      <Field
        label={t("fields.occurredAt")}
        type="datetime-local"
        value={when}
        onChange={(e) => setWhen(e.target.value)}
        error={fieldError(log.error, "occurredAt")}
      />
      <TextAreaField
        label={t("fields.whatHappened")}
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={fieldError(log.error, "whatHappened")}
      />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={log.isPending}>
          {t("ui.plans.saveLog")}
        </button>
        <button type="button" className="button-secondary" onClick={close}>
          {t("ui.common.cancel")}
        </button>
      </div>
    </form>
  );
}

/** One entry of the log: edit or delete it until a manager confirmed it; after that, a note why not. */
function ApplicationItem({ plan, application }: { plan: PlanView; application: Application }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const locale = currentLocale();
  const [editing, setEditing] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteApplication(application.id),
    onSuccess: () => client.invalidateQueries({ queryKey: planKeys.mine() }),
  });
  const when = formatDateTime(application.occurredAt, locale);
  if (editing)
    return (
      <li>
        <LogApplication plan={plan} application={application} onDone={() => setEditing(false)} />
      </li>
    );
  return (
    <li>
      {when}: {t(`ui.plans.outcomes.${application.outcome}`)}
      {application.whatHappened ? ` — ${application.whatHappened}` : ""}
      {application.confirmed ? (
        <>
          <span className="badge badge-active"> {t("ui.plans.confirmed")}</span>
          <p className="hint">{t("ui.plans.lockedNote")}</p>
        </>
      ) : (
        <div className="button-row">
          <button type="button" className="button-secondary small" onClick={() => setEditing(true)}>
            {t("ui.plans.editLog")}
            <span className="visually-hidden"> {when}</span>
          </button>
          <button
            type="button"
            className="button-secondary small"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(t("ui.plans.confirmDeleteLog"))) remove.mutate();
            }}
          >
            {t("ui.plans.deleteLog")}
            <span className="visually-hidden"> {when}</span>
          </button>
        </div>
      )}
      <ErrorMessage error={remove.error} />
    </li>
  );
}

function PlanCard({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const locale = currentLocale();
  const [editing, setEditing] = useState(false);
  const [updated, setUpdated] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: planKeys.mine() });
  const archive = useMutation({ mutationFn: () => archivePlan(plan.id), onSuccess: refresh });
  const restore = useMutation({ mutationFn: () => restorePlan(plan.id), onSuccess: refresh });
  const archived = plan.archivedAt !== null;
  if (editing)
    return (
      <li className="plan">
        <PlanForm
          plan={plan}
          onSaved={() => {
            setEditing(false);
            setUpdated(true);
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  return (
    <li className="card plan">
      {updated ? <SuccessMessage>{t("ui.plans.planUpdated")}</SuccessMessage> : null}
      <p>
        <strong>{t("ui.plans.whenShort")}</strong> {plan.situation}
        <br />
        <strong>{t("ui.plans.thenShort")}</strong> {plan.action}
        {archived ? <span className="badge"> {t("ui.plans.archivedBadge")}</span> : null}
      </p>
      <p className="hint">{t("ui.plans.expected", { date: formatDateTime(plan.firstMoment, locale) })}</p>
      {plan.findings.length > 0 ? <p className="notice-inline">{plan.findings[0]!.suggestion}</p> : null}
      {plan.applications.length > 0 ? (
        <ul className="plain-list applications">
          {plan.applications.map((a) => (
            <ApplicationItem key={a.id} plan={plan} application={a} />
          ))}
        </ul>
      ) : null}
      <ErrorMessage error={archive.error ?? restore.error} />
      {archived ? (
        <button
          type="button"
          className="button-secondary"
          disabled={restore.isPending}
          onClick={() => restore.mutate()}
        >
          {t("ui.plans.restore")}
          <span className="visually-hidden"> {plan.action}</span>
        </button>
      ) : (
        <>
          <LogApplication plan={plan} />
          <div className="button-row">
            <button type="button" className="button-secondary small" onClick={() => setEditing(true)}>
              {t("ui.plans.editPlan")}
              <span className="visually-hidden"> {plan.action}</span>
            </button>
            <button
              type="button"
              className="button-secondary small"
              disabled={archive.isPending}
              onClick={() => {
                if (window.confirm(t("ui.plans.confirmArchive"))) archive.mutate();
              }}
            >
              {t("ui.plans.archive")}
              <span className="visually-hidden"> {plan.action}</span>
            </button>
          </div>
        </>
      )}
    </li>
  );
}

/** The learner's if-then plans: write one with coaching, and log each time the situation came. */
export function PlansPage() {
  const { t } = useTranslation();
  const plans = useMyPlans();
  const [saved, setSaved] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  const active = plans.data?.filter((p) => p.archivedAt === null) ?? [];
  const archived = plans.data?.filter((p) => p.archivedAt !== null) ?? [];
  return (
    <Page title={t("ui.plans.title")}>
      {plans.isLoading ? <Loading /> : null}
      <ErrorMessage error={plans.error} />
      {saved ? <SuccessMessage>{t("ui.plans.saved")}</SuccessMessage> : null}
      {plans.data ? (
        active.length === 0 ? (
          <EmptyState title={t("ui.plans.emptyTitle")}>
            <p>{t("ui.plans.emptyText")}</p>
          </EmptyState>
        ) : (
          <ul className="plain-list plans" aria-label={t("ui.plans.title")}>
            {active.map((plan) => (
              <PlanCard key={plan.id} plan={plan} />
            ))}
          </ul>
        )
      ) : null}
      {archived.length > 0 ? (
        <section aria-label={t("ui.plans.archivedTitle")}>
          <button
            type="button"
            className="button-secondary"
            aria-expanded={showArchived}
            onClick={() => setShowArchived(!showArchived)}
          >
            {showArchived
              ? t("ui.plans.hideArchived")
              : t("ui.plans.showArchived", { count: archived.length })}
          </button>
          {showArchived ? (
            <ul className="plain-list plans" aria-label={t("ui.plans.archivedTitle")}>
              {archived.map((plan) => (
                <PlanCard key={plan.id} plan={plan} />
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      <PlanForm onSaved={() => setSaved(true)} />
      <MyCoaching />
    </Page>
  );
}
