import { useTranslation } from "react-i18next";
import { isLocale } from "../../../../common/locales.ts";
import type { MeResponse } from "../../../../common/schemas/me.ts";
import { SelectField, Field } from "../../../components/field.tsx";
import { SettingsForm } from "../../../components/mutation-form.tsx";
import { Page } from "../../../components/page.tsx";
import { useDraft } from "../../../lib/draft.ts";
import { rememberLocale, showLocale } from "../../../lib/i18n.ts";
import { useSaveThenRefresh } from "../../../lib/mutations.ts";
import { meKeys, sessionApi, useMe } from "../../../lib/session.ts";
import { ChangePasswordForm } from "../../auth/change-password-form.tsx";
import { SecondFactorSection } from "../../second-factor/second-factor-section.tsx";
import { YourSessions } from "../../auth/your-sessions.tsx";
import { ReminderSettings } from "../../learning/reminder-settings.tsx";
import { LocaleSelect } from "../locale-select.tsx";
import { organisationsApi } from "../organisations-api.ts";

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t("ui.profile.title")}>
      {me.data ? <ProfileForm me={me.data} /> : null}
      {me.data?.roles.includes("learner") ? <ReminderSettings /> : null}
      {me.data ? <ChangePasswordForm /> : null}
      {me.data ? <SecondFactorSection /> : null}
      {me.data ? <YourSessions /> : null}
    </Page>
  );
}

const timeZones = ["Europe/Amsterdam", "Europe/Brussels", "Europe/London", "UTC"];

function ProfileForm({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const draft = useDraft({
    name: me.person.name,
    locale: me.person.locale ?? "",
    timeZone: me.person.timeZone,
  });
  const { name, locale, timeZone } = draft.values;
  const save = useSaveThenRefresh(
    () => sessionApi.updateMe({ name, locale: isLocale(locale) ? locale : null, timeZone }),
    [meKeys.all],
    {
      onSaved: async () => {
        if (!isLocale(locale)) return;
        rememberLocale(locale);
        await showLocale(locale, me.organisation.country);
      },
    },
  );
  return (
    <SettingsForm
      mutation={save}
      footer={
        <p className="hint">
          {t("ui.privacy.ownHint")}{" "}
          <a href={organisationsApi.ownExportUrl} download>
            {t("ui.privacy.downloadOwn")}
          </a>
        </p>
      }
    >
      <p>
        {t("fields.email")}
        {t("ui.common.colon")}
        <strong>{me.person.email}</strong>
      </p>
      <p>
        {t("fields.roles")}
        {t("ui.common.colon")}
        {me.roles.map((r) => t(`ui.roles.${r}`)).join(", ")}
      </p>
      <Field label={t("fields.name")} {...draft.bind("name", save.error)} />
      <LocaleSelect label={t("fields.locale")} browserChoice {...draft.bind("locale")} />
      <SelectField label={t("fields.timeZone")} {...draft.bind("timeZone")}>
        {[...new Set([timeZone, ...timeZones])].map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
    </SettingsForm>
  );
}
