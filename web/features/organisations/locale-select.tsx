import type { ChangeEventHandler } from "react";
import { useTranslation } from "react-i18next";
import { supportedLocales } from "../../../common/locales.ts";
import { SelectField } from "../../components/field.tsx";

/** A choice of language; with `browserChoice`, "the browser's language" comes first (an empty value). */
export function LocaleSelect({
  label,
  value,
  onChange,
  error,
  browserChoice = false,
}: {
  label: string;
  value: string;
  onChange: ChangeEventHandler<HTMLSelectElement>;
  error?: string | undefined;
  browserChoice?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <SelectField label={label} value={value} onChange={onChange} error={error}>
      {browserChoice ? <option value="">{t("ui.language.browser")}</option> : null}
      {supportedLocales.map((locale) => (
        <option key={locale} value={locale}>
          {t(`ui.language.${locale}`)}
        </option>
      ))}
    </SelectField>
  );
}
