import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LearningPreferences } from "../../../common/schemas/learning.ts";
import { RadioGroup, Checkbox } from "../../components/choices.tsx";
import { Field } from "../../components/field.tsx";
import { PausedUntilField } from "./paused-until-field.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { MutationButton, SubmitButton } from "../../components/buttons.tsx";
import { onSubmitDo } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { learningApi, learningKeys, usePreferences } from "./learning-api.ts";

const frequencies = ["daily", "twice-weekly", "weekly", "off"] as const;

function PreferencesForm({ initial }: { initial: LearningPreferences }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [frequency, setFrequency] = useState(initial.nudgeFrequency);
  const [pausedUntil, setPausedUntil] = useState(initial.pausedUntil ?? "");
  const [interviewConsent, setInterviewConsent] = useState(initial.interviewConsent);
  const [noticeEmails, setNoticeEmails] = useState(initial.noticeEmails);
  const save = useMutation({
    mutationFn: () =>
      learningApi.updatePreferences({
        nudgeFrequency: frequency,
        pausedUntil: pausedUntil || null,
        interviewConsent,
        noticeEmails,
      }),
    onSuccess: (data) => {
      client.setQueryData(learningKeys.preferences(), data);
      void client.invalidateQueries({ queryKey: learningKeys.today() });
    },
  });
  return (
    <form noValidate onSubmit={onSubmitDo(() => save.mutate())}>
      <RadioGroup
        legend={t("fields.nudgeFrequency")}
        name="nudge-frequency"
        options={frequencies.map((value) => ({ value, label: t(`ui.reminders.frequencies.${value}`) }))}
        value={frequency}
        onChange={setFrequency}
      />
      <PausedUntilField
        hint={t("ui.reminders.pauseHint")}
        value={pausedUntil}
        onChange={setPausedUntil}
        error={save.error}
      />
      <Checkbox
        label={t("ui.reminders.noticeEmails")}
        checked={noticeEmails}
        onChange={setNoticeEmails}
        hint={t("ui.reminders.noticeEmailsHint")}
      />
      <Checkbox
        label={t("ui.reminders.interviewConsent")}
        checked={interviewConsent}
        onChange={setInterviewConsent}
        hint={t("ui.reminders.interviewConsentHint")}
      />
      <ErrorMessage error={save.error} />
      {save.isSuccess ? <SuccessMessage>{t("ui.reminders.saved")}</SuccessMessage> : null}
      <SubmitButton pending={save.isPending}>{t("ui.reminders.save")}</SubmitButton>
    </form>
  );
}

/** The private calendar address: copy it into a calendar app; revoke it if it got out. */
function CalendarFeed() {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const feed = useQuery({
    queryKey: learningKeys.calendarFeed(),
    queryFn: learningApi.calendarFeed,
    enabled: shown,
  });
  const revoke = useSaveThenRefresh(learningApi.revokeCalendarFeed, [learningKeys.calendarFeed()]);
  return (
    <div className="calendar-feed">
      <h3>{t("ui.reminders.calendarTitle")}</h3>
      <p className="hint">{t("ui.reminders.calendarHint")}</p>
      {!shown ? (
        <button type="button" className="button-secondary" onClick={() => setShown(true)}>
          {t("ui.reminders.showFeed")}
        </button>
      ) : feed.data ? (
        <>
          <Field
            label={t("ui.reminders.feedAddress")}
            readOnly
            value={feed.data.url}
            onFocus={(e) => e.target.select()}
          />
          <MutationButton mutation={revoke} className="button-danger small">
            {t("ui.reminders.revoke")}
          </MutationButton>
          {revoke.isSuccess ? <SuccessMessage>{t("ui.reminders.revoked")}</SuccessMessage> : null}
        </>
      ) : null}
      <ErrorMessage error={feed.error ?? revoke.error} />
    </div>
  );
}

/** How often Beklijf may send a nudge, a pause for leave, and the calendar feed: the learner decides. */
export function ReminderSettings() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  return (
    <section className="card" id="reminders" aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t("ui.reminders.title")}</h2>
      <p className="hint">{t("ui.reminders.intro")}</p>
      <ErrorMessage error={preferences.error} />
      {preferences.data ? <PreferencesForm initial={preferences.data} /> : null}
      <CalendarFeed />
    </section>
  );
}
