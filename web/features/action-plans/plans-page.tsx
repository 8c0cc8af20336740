import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanView } from "../../../common/schemas/action-plans.ts";
import { Field, TextAreaField } from "../../components/field.tsx";
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { MyCoaching } from "../coaching/my-coaching.tsx";
import { logApplication, planKeys, useMyPlans } from "./action-plans-api.ts";
import { PlanForm } from "./plan-form.tsx";

const outcomes = ["went-well", "partly", "not-well", "did-not-act"] as const;

function nowLocal(): string {
  const date = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The one-minute log: when, how it went (four taps), and a line on what happened. */
function LogApplication({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<(typeof outcomes)[number] | "">("");
  const [when, setWhen] = useState(nowLocal);
  const [text, setText] = useState("");
  const log = useMutation({
    mutationFn: () =>
      logApplication(plan.id, {
        occurredAt: new Date(when).toISOString(),
        whatHappened: text,
        outcome: outcome || undefined,
      }),
    onSuccess: async () => {
      setOpen(false);
      setText("");
      setOutcome("");
      await client.invalidateQueries({ queryKey: planKeys.mine() });
    },
  });
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
              name={`outcome-${plan.id}`}
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
      />
      <TextAreaField
        label={t("fields.whatHappened")}
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={log.isPending}>
          {t("ui.plans.saveLog")}
        </button>
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          {t("ui.common.cancel")}
        </button>
      </div>
    </form>
  );
}

function PlanCard({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className="card plan">
      <p>
        <strong>{t("ui.plans.whenShort")}</strong> {plan.situation}
        <br />
        <strong>{t("ui.plans.thenShort")}</strong> {plan.action}
      </p>
      <p className="hint">{t("ui.plans.expected", { date: formatDateTime(plan.firstMoment, locale) })}</p>
      {plan.findings.length > 0 ? <p className="notice-inline">{plan.findings[0]!.suggestion}</p> : null}
      {plan.applications.length > 0 ? (
        <ul className="plain-list applications">
          {plan.applications.map((a) => (
            <li key={a.id}>
              {formatDateTime(a.occurredAt, locale)}: {t(`ui.plans.outcomes.${a.outcome}`)}
              {a.whatHappened ? ` — ${a.whatHappened}` : ""}
              {a.confirmed ? <span className="badge badge-active"> {t("ui.plans.confirmed")}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <LogApplication plan={plan} />
    </li>
  );
}

/** The learner's if-then plans: write one with coaching, and log each time the situation came. */
export function PlansPage() {
  const { t } = useTranslation();
  const plans = useMyPlans();
  const [saved, setSaved] = useState(false);
  return (
    <Page title={t("ui.plans.title")}>
      {plans.isLoading ? <Loading /> : null}
      <ErrorMessage error={plans.error} />
      {saved ? <SuccessMessage>{t("ui.plans.saved")}</SuccessMessage> : null}
      {plans.data ? (
        plans.data.length === 0 ? (
          <EmptyState title={t("ui.plans.emptyTitle")}>
            <p>{t("ui.plans.emptyText")}</p>
          </EmptyState>
        ) : (
          <ul className="plain-list plans" aria-label={t("ui.plans.title")}>
            {plans.data.map((plan) => (
              <PlanCard key={plan.id} plan={plan} />
            ))}
          </ul>
        )
      ) : null}
      <PlanForm onSaved={() => setSaved(true)} />
      <MyCoaching />
    </Page>
  );
}
