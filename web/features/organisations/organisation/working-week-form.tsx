import { useTranslation } from "react-i18next";
import { countries, type Country } from "../../../../common/working-week.ts";
import { CheckboxGroup } from "../../../components/checkbox-group.tsx";
import { SelectField } from "../../../components/field.tsx";
import { SettingsForm } from "../../../components/mutation-form.tsx";
import { useDraft } from "../../../lib/draft.ts";
import { fieldError } from "../../../lib/forms.ts";
import { useSaveThenRefresh } from "../../../lib/mutations.ts";
import { type Organisation, organisationsApi } from "../organisations-api.ts";

const weekdays = ["1", "2", "3", "4", "5", "6", "7"] as const;
type Weekday = (typeof weekdays)[number];

/**
 * The organisation's country (whose public holidays are days off) and working week: the schedule keeps
 * activities off the other days. An empty week is the server's to refuse, with the field named.
 */
export function WorkingWeekForm({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const draft = useDraft({
    country: org.country as string,
    workingDays: org.workingDays.map(String) as Weekday[],
  });
  const { country, workingDays } = draft.values;
  const save = useSaveThenRefresh(
    () =>
      organisationsApi.updateOrganisation({
        country: country as Country,
        workingDays: workingDays.map(Number).sort((a, b) => a - b),
      }),
    "all",
  );
  return (
    <SettingsForm
      mutation={save}
      title={t("ui.workingWeek.title")}
      intro={<p className="hint">{t("ui.workingWeek.intro")}</p>}
    >
      <SelectField label={t("ui.workingWeek.country")} {...draft.bind("country", save.error)}>
        {countries.map((code) => (
          <option key={code} value={code}>
            {t(`ui.workingWeek.countries.${code}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxGroup
        legend={t("ui.workingWeek.workingDays")}
        name="workingDays"
        options={weekdays.map((day) => ({ value: day, label: t(`ui.workingWeek.days.${day}`) }))}
        value={workingDays}
        onChange={(next) => draft.set("workingDays", next)}
        error={fieldError(save.error, "workingDays")}
      />
    </SettingsForm>
  );
}
