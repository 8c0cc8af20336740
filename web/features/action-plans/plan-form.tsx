import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, SelectField, TextAreaField } from "../../components/field.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { FormActions } from "../../components/buttons.tsx";
import { CheckboxGroup } from "../../components/checkbox-group.tsx";
import { instantFromLocalInput, localDateTimeInput } from "../../lib/dates.ts";
import { useDraft } from "../../lib/draft.ts";
import { onSubmitDo } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import type { PlanView } from "../../../common/schemas/action-plans.ts";
import {
  checkPlan,
  createPlan,
  type Enrolment,
  planKeys,
  updatePlan,
  useEnrolments,
} from "./action-plans-api.ts";

/** Coaching while typing: the checker runs a moment after the learner stops, and says how to sharpen. */
function useCoaching(situation: string, action: string) {
  const [debounced, setDebounced] = useState({ situation, action });
  useEffect(() => {
    const timer = setTimeout(() => setDebounced({ situation, action }), 400);
    return () => clearTimeout(timer);
  }, [situation, action]);
  return useQuery({
    queryKey: planKeys.check(debounced),
    queryFn: () => checkPlan(debounced),
    enabled: debounced.situation.length + debounced.action.length > 0,
  });
}

/** A local date and time for <input type="datetime-local">, tomorrow at 09:00 by default. */
function tomorrowMorning(): string {
  const date = new Date(Date.now() + 86_400_000);
  date.setHours(9, 0, 0, 0);
  return localDateTimeInput(date);
}

/** Practice questions about the same competence: they come up for practice just before the plan's moment. */
function LinkQuestions({
  enrolments,
  choice,
  linked,
  onChange,
}: {
  enrolments: Enrolment[];
  choice: string;
  linked: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const [cohortId, competenceId] = choice.split("|");
  const options = enrolments
    .find((e) => e.cohortId === cohortId)
    ?.questions.filter((q) => q.competenceId === competenceId);
  if (!options?.length) return null;
  return (
    <CheckboxGroup
      className="field"
      legend={t("ui.plans.linkQuestions")}
      hint={t("ui.plans.linkHint")}
      options={options.map((q) => ({ value: q.id, label: q.prompt }))}
      value={linked}
      onChange={onChange}
    />
  );
}

interface PlanDraft {
  situation: string;
  action: string;
  /** The first moment, as a datetime-local value. */
  moment: string;
  /** "<cohortId>|<competenceId>", or empty for no competence. */
  choice: string;
  linked: string[];
}

/** Creates the plan, or corrects `plan`: its group stays, and its linked questions only within it. */
function savePlan({ situation, action, moment, choice, linked }: PlanDraft, plan: PlanView | undefined) {
  const [cohortId, competenceId] = choice.split("|");
  const firstMoment = instantFromLocalInput(moment);
  if (plan)
    return updatePlan(plan.id, {
      situation,
      action,
      firstMoment,
      ...(competenceId ? { competenceId } : {}),
      ...(plan.cohortId ? { questionIds: cohortId === plan.cohortId ? linked : [] } : {}),
    });
  return createPlan({
    situation,
    action,
    firstMoment,
    ...(cohortId ? { cohortId } : {}),
    ...(competenceId ? { competenceId } : {}),
    ...(cohortId && linked.length ? { questionIds: linked } : {}),
  });
}

/**
 * "When <situation>, I will <action>", for a competence, with the first moment it is expected. With
 * `plan`, the same form corrects that plan (its group stays).
 */
export function PlanForm({
  onSaved,
  plan,
  onCancel,
}: {
  onSaved: () => void;
  plan?: PlanView;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const enrolments = useEnrolments();
  const draft = useDraft<PlanDraft>(() => ({
    situation: plan?.situation ?? "",
    action: plan?.action ?? "",
    moment: plan ? localDateTimeInput(plan.firstMoment) : tomorrowMorning(),
    choice: plan?.cohortId && plan.competenceId ? `${plan.cohortId}|${plan.competenceId}` : "",
    linked: plan?.questionIds ?? [],
  }));
  const { situation, action, choice, linked } = draft.values;
  const coaching = useCoaching(situation, action);
  const titleId = plan ? `plan-form-title-${plan.id}` : "plan-form-title";
  const save = useSaveThenRefresh(() => savePlan(draft.values, plan), [planKeys.mine()], {
    onSaved: () => {
      if (!plan) draft.reset("situation", "action", "linked");
    },
    afterRefresh: onSaved,
  });
  const findings = coaching.data?.findings ?? [];
  return (
    <form className="card" aria-labelledby={titleId} onSubmit={onSubmitDo(() => save.mutate())}>
      <h2 id={titleId}>{plan ? t("ui.plans.editTitle") : t("ui.plans.new")}</h2>
      {plan ? null : <p className="hint">{t("ui.plans.intro")}</p>}
      <ErrorMessage error={save.error} />
      <TextAreaField
        label={t("ui.plans.when")}
        hint={t("ui.plans.whenHint")}
        rows={2}
        {...draft.bind("situation", save.error)}
      />
      <TextAreaField
        label={t("ui.plans.then")}
        hint={t("ui.plans.thenHint")}
        rows={2}
        {...draft.bind("action", save.error)}
      />
      <div aria-live="polite" className="plan-coaching">
        {findings.length > 0 ? (
          <ul className="findings">
            {findings.map((finding) => (
              <li key={finding.code} className="finding">
                <p>
                  <strong>{finding.message}</strong>
                </p>
                <p className="advice">{finding.suggestion}</p>
              </li>
            ))}
          </ul>
        ) : situation && action && coaching.isSuccess ? (
          <p className="notice-inline">{t("ui.plans.looksGood")}</p>
        ) : null}
      </div>
      <Field
        label={t("ui.plans.firstMoment")}
        type="datetime-local"
        {...draft.bind("moment", save.error, "firstMoment")}
      />
      {enrolments.data && enrolments.data.length > 0 ? (
        <SelectField label={t("ui.plans.competence")} {...draft.bind("choice", save.error, "competenceId")}>
          <option value="">{t("ui.plans.noCompetence")}</option>
          {enrolments.data
            .filter((e) => !plan || e.cohortId === plan.cohortId)
            .flatMap((e) =>
              e.competences.map((c) => (
                <option key={`${e.cohortId}|${c.id}`} value={`${e.cohortId}|${c.id}`}>
                  {c.name} ({e.cohortName})
                </option>
              )),
            )}
        </SelectField>
      ) : null}
      <LinkQuestions
        enrolments={enrolments.data ?? []}
        choice={choice}
        linked={linked}
        onChange={(ids) => draft.set("linked", ids)}
      />
      <FormActions
        submitLabel={plan ? t("ui.plans.saveChanges") : t("ui.plans.save")}
        pending={save.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
