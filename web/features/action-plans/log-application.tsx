import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApplicationOutcome, PlanView } from "../../../common/schemas/action-plans.ts";
import { ItemButton, FormActions } from "../../components/buttons.tsx";
import { RadioGroup } from "../../components/choices.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { Field, TextAreaField } from "../../components/field.tsx";
import { useDraft } from "../../lib/draft.ts";
import { onSubmitDo } from "../../lib/forms.ts";
import { instantFromLocalInput, localDateTimeInput } from "../../lib/dates.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { SavedOnDevice } from "../../components/offline-status.tsx";
import { planKeys, updateApplication } from "./action-plans-api.ts";
import { type LogResult, useLogApplicationOrKeep } from "./offline-application.ts";

const outcomes = ["went-well", "partly", "not-well", "did-not-act"] as const;

export type Application = PlanView["applications"][number];

/**
 * The one-minute log: when, how it went (four taps), and a line on what happened. With `application`,
 * the same form corrects that entry; with `suggested`, it opens with that outcome chosen (the learner's
 * weekly pulse said she did it or tried), which she can change.
 */
export function LogApplication({
  plan,
  application,
  suggested,
  label,
  onDone,
}: {
  plan: Pick<PlanView, "id" | "action">;
  application?: Application;
  suggested?: ApplicationOutcome;
  /** The button that opens the form, when another wording fits better than "the situation came". */
  label?: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(application !== undefined);
  const draft = useDraft<{ outcome: ApplicationOutcome | ""; when: string; text: string }>(() => ({
    outcome: application?.outcome ?? suggested ?? "",
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
      // A new entry made offline is kept on the phone and sent later; a correction needs the server.
      if (!application) return logOrKeep(plan.id, body);
      await updateApplication(application.id, body);
      return "sent";
    },
    [planKeys.all],
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
          {label ?? t("ui.plans.logIt")}
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
