import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isLocale } from "../../../../common/locales.ts";
import type { MeResponse } from "../../../../common/schemas/me.ts";
import { Field, SelectField } from "../../../components/field.tsx";
import { ErrorMessage, SuccessMessage } from "../../../components/feedback.tsx";
import { Page } from "../../../components/page.tsx";
import { rememberLocale } from "../../../lib/i18n.ts";
import { meKeys, sessionApi, useMe } from "../../../lib/session.ts";
import { organisationsApi } from "../organisations-api.ts";
import { ChangePasswordForm } from "../../auth/change-password-form.tsx";
import { YourSessions } from "../../auth/your-sessions.tsx";
import { ReminderSettings } from "../../learning/reminder-settings.tsx";
import { fieldError } from "../../../lib/forms.ts";

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t("ui.profile.title")}>
      {me.data ? <ProfileForm me={me.data} /> : null}
      {me.data?.roles.includes("learner") ? <ReminderSettings /> : null}
      {me.data ? <ChangePasswordForm /> : null}
      {me.data ? <YourSessions /> : null}
    </Page>
  );
}

const timeZones = ["Europe/Amsterdam", "Europe/Brussels", "Europe/London", "UTC"];

function ProfileForm({ me }: { me: MeResponse }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(me.person.name);
  const [locale, setLocale] = useState(me.person.locale ?? "");
  const [timeZone, setTimeZone] = useState(me.person.timeZone);
  const save = useMutation({
    mutationFn: () => sessionApi.updateMe({ name, locale: isLocale(locale) ? locale : null, timeZone }),
    onSuccess: async () => {
      if (locale === "nl" || locale === "en") {
        rememberLocale(locale);
        await i18n.changeLanguage(locale);
      }
      await client.invalidateQueries({ queryKey: meKeys.all });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} noValidate>
      <ErrorMessage error={save.error} />
      {save.isSuccess ? <SuccessMessage>{t("ui.common.saved")}</SuccessMessage> : null}
      <p>
        {t("fields.email")}: <strong>{me.person.email}</strong>
      </p>
      <p>
        {t("fields.roles")}: {me.roles.map((r) => t(`ui.roles.${r}`)).join(", ")}
      </p>
      <Field
        label={t("fields.name")}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldError(save.error, "name")}
      />
      <SelectField label={t("fields.locale")} value={locale} onChange={(e) => setLocale(e.target.value)}>
        <option value="">{t("ui.language.browser")}</option>
        <option value="nl">{t("ui.language.nl")}</option>
        <option value="en">{t("ui.language.en")}</option>
      </SelectField>
      <SelectField
        label={t("fields.timeZone")}
        value={timeZone}
        onChange={(e) => setTimeZone(e.target.value)}
      >
        {[...new Set([timeZone, ...timeZones])].map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button-primary" disabled={save.isPending}>
        {t("ui.common.save")}
      </button>
      <p className="hint">
        {t("ui.privacy.ownHint")}{" "}
        <a href={organisationsApi.ownExportUrl} download>
          {t("ui.privacy.downloadOwn")}
        </a>
      </p>
    </form>
  );
}
