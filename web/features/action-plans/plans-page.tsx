import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanView } from "../../../common/schemas/action-plans.ts";
import { Field, TextAreaField } from "../../components/field.tsx";
import { EditDeleteButtons, FormActions, ItemButton } from "../../components/buttons.tsx";
import { RadioGroup } from "../../components/choices.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { SavedOnDevice } from "../../components/offline-status.tsx";
import { Page } from "../../components/page.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { MyCoaching } from "../coaching/my-coaching.tsx";
import { useDraft } from "../../lib/draft.ts";
import { onSubmitDo } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { instantFromLocalInput, localDateTimeInput } from "../../lib/dates.ts";
import {
  archivePlan,
  deleteApplication,
  planKeys,
  restorePlan,
  updateApplication,
  useMyPlans,
} from "./action-plans-api.ts";
import { type LogResult, useLogApplicationOrKeep } from "./offline-application.ts";
import { PlanForm } from "./plan-form.tsx";

const outcomes = ["went-well", "partly", "not-well", "did-not-act"] as const;
type Outcome = (typeof outcomes)[number];

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
  const [open, setOpen] = useState(application !== undefined);
  const draft = useDraft<{ outcome: Outcome | ""; when: string; text: string }>(() => ({
    outcome: application?.outcome ?? "",
    when: localDateTimeInput(application?.occurredAt),
    text: application?.whatHappened ?? "",
  }));
  const logOrKeep = useLogApplicationOrKeep();
  const log = useSaveThenRefresh(
    async (): Promise<LogResult> => {
      const { outcome, when, text } = draft.values;
      const body = {
        occurredAt: instantFromLocalInput(when),
        whatHappened: text,
        outcome: outcome || undefined,
      };
      if (!application) return logOrKeep(plan.id, body);
      await updateApplication(application.id, body);
      return "sent";
    },
    [planKeys.mine()],
    {
      onSaved: () => {
        setOpen(false);
        draft.reset("text", "outcome");
      },
      afterRefresh: () => onDone?.(),
    },
  );
  const close = () => {
    setOpen(false);
    onDone?.();
  };
  if (!open) {
    return (
      <>
        {log.data === "kept" ? (
          <SavedOnDevice>{t("ui.offline.applicationKept")}</SavedOnDevice>
        ) : log.isSuccess ? (
          <SuccessMessage>{t("ui.plans.logged")}</SuccessMessage>
        ) : null}
        <ItemButton item={plan.action} className="button-primary" onClick={() => setOpen(true)}>
          {t("ui.plans.logIt")}
        </ItemButton>
      </>
    );
  }
  return (
    <form
      className="log-form"
      aria-label={application ? t("ui.plans.editLog") : t("ui.plans.logIt")}
      onSubmit={onSubmitDo(() => log.mutate())}
    >
      <ErrorMessage error={log.error} />
      <RadioGroup
        legend={t("ui.plans.howItWent")}
        name={`outcome-${application?.id ?? plan.id}`}
        options={outcomes.map((value) => ({ value, label: t(`ui.plans.outcomeChoices.${value}`) }))}
        value={draft.values.outcome}
        onChange={(outcome) => draft.set("outcome", outcome)}
      />
      <Field
        label={t("fields.occurredAt")}
        type="datetime-local"
        {...draft.bind("when", log.error, "occurredAt")}
      />
      <TextAreaField
        label={t("fields.whatHappened")}
        rows={2}
        {...draft.bind("text", log.error, "whatHappened")}
      />
      <FormActions submitLabel={t("ui.plans.saveLog")} pending={log.isPending} onCancel={close} />
    </form>
  );
}

/** One entry of the log: edit or delete it until a manager confirmed it; after that, a note why not. */
function ApplicationItem({ plan, application }: { plan: PlanView; application: Application }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [editing, setEditing] = useState(false);
  const remove = useSaveThenRefresh(() => deleteApplication(application.id), [planKeys.mine()]);
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
        <EditDeleteButtons
          item={when}
          editLabel={t("ui.plans.editLog")}
          onEdit={() => setEditing(true)}
          deleteLabel={t("ui.plans.deleteLog")}
          confirmDelete={t("ui.plans.confirmDeleteLog")}
          onDelete={() => remove.mutate()}
          deleting={remove.isPending}
        />
      )}
      <ErrorMessage error={remove.error} />
    </li>
  );
}

function PlanCard({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [editing, setEditing] = useState(false);
  const [updated, setUpdated] = useState(false);
  const archive = useSaveThenRefresh(() => archivePlan(plan.id), [planKeys.mine()]);
  const restore = useSaveThenRefresh(() => restorePlan(plan.id), [planKeys.mine()]);
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
        <ItemButton
          item={plan.action}
          className="button-secondary"
          disabled={restore.isPending}
          onClick={() => restore.mutate()}
        >
          {t("ui.plans.restore")}
        </ItemButton>
      ) : (
        <>
          <LogApplication plan={plan} />
          <EditDeleteButtons
            item={plan.action}
            editLabel={t("ui.plans.editPlan")}
            onEdit={() => setEditing(true)}
            deleteLabel={t("ui.plans.archive")}
            confirmDelete={t("ui.plans.confirmArchive")}
            onDelete={() => archive.mutate()}
            deleting={archive.isPending}
          />
        </>
      )}
    </li>
  );
}

function PlanList({ plans, label }: { plans: PlanView[]; label: string }) {
  return (
    <ul className="plain-list plans" aria-label={label}>
      {plans.map((plan) => (
        <PlanCard key={plan.id} plan={plan} />
      ))}
    </ul>
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
      {saved ? <SuccessMessage>{t("ui.plans.saved")}</SuccessMessage> : null}
      <QueryState
        query={plans}
        isEmpty={() => active.length === 0}
        empty={{ title: t("ui.plans.emptyTitle"), text: t("ui.plans.emptyText") }}
      >
        {() => <PlanList plans={active} label={t("ui.plans.title")} />}
      </QueryState>
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
          {showArchived ? <PlanList plans={archived} label={t("ui.plans.archivedTitle")} /> : null}
        </section>
      ) : null}
      <PlanForm onSaved={() => setSaved(true)} />
      <MyCoaching />
    </Page>
  );
}
