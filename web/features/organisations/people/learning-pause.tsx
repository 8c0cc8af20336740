import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonSummary } from "../../../../common/schemas/people.ts";
import { Field } from "../../../components/field.tsx";
import { ErrorMessage, SuccessMessage } from "../../../components/feedback.tsx";
import { api } from "../../../lib/api.ts";
import { formatDay, isoDaysFromToday } from "../../../lib/dates.ts";
import { fieldError, onSubmitDo } from "../../../lib/forms.ts";
import { SubmitButton } from "../../../components/buttons.tsx";
import { currentLocale } from "../../../lib/i18n.ts";

/** The coordinator pauses someone's practice and reminders during leave; nothing is lost meanwhile. */
export function LearningPause({ person }: { person: PersonSummary }) {
  const { t } = useTranslation();
  const [until, setUntil] = useState("");
  const pause = useMutation({
    mutationFn: (pausedUntil: string | null) =>
      api<{ pausedUntil: string | null }>("PUT", `/api/people/${person.id}/learning-pause`, { pausedUntil }),
  });
  return (
    <section className="card" aria-labelledby="person-pause">
      <h2 id="person-pause">{t("ui.person.pauseTitle")}</h2>
      <p className="hint">{t("ui.reminders.pauseHint")}</p>
      <form noValidate onSubmit={onSubmitDo(() => pause.mutate(until || null))}>
        <Field
          label={t("fields.pausedUntil")}
          type="date"
          value={until}
          min={isoDaysFromToday(0)}
          onChange={(e) => setUntil(e.target.value)}
          error={fieldError(pause.error, "pausedUntil")}
        />
        <ErrorMessage error={pause.error} />
        {pause.isSuccess ? (
          <SuccessMessage>
            {pause.data.pausedUntil
              ? t("ui.person.pausedUntil", { date: formatDay(pause.data.pausedUntil, currentLocale()) })
              : t("ui.person.pauseEnded")}
          </SuccessMessage>
        ) : null}
        <div className="button-row">
          <SubmitButton className="button-secondary" pending={pause.isPending}>
            {until ? t("ui.person.pause") : t("ui.person.endPause")}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
