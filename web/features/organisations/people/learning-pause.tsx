import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonSummary } from "../../../../common/schemas/people.ts";
import { ErrorMessage, SuccessMessage } from "../../../components/feedback.tsx";
import { api } from "../../../lib/api.ts";
import { formatDay } from "../../../lib/dates.ts";
import { onSubmitDo } from "../../../lib/forms.ts";
import { SubmitButton } from "../../../components/buttons.tsx";
import { currentLocale } from "../../../lib/i18n.ts";
import { PausedUntilField } from "../../learning/paused-until-field.tsx";

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
        <PausedUntilField value={until} onChange={setUntil} error={pause.error} />
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
