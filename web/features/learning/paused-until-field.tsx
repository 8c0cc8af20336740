import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../components/field.tsx";
import { isoDaysFromToday } from "../../lib/dates.ts";
import { fieldError } from "../../lib/forms.ts";

/** The last day of a pause in practice and reminders, today at the earliest; empty for no pause. */
export function PausedUntilField({
  value,
  onChange,
  error,
  hint,
}: {
  value: string;
  onChange: (value: string) => void;
  error: unknown;
  hint?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Field
      label={t("fields.pausedUntil")}
      hint={hint}
      type="date"
      value={value}
      min={isoDaysFromToday(0)}
      onChange={(e) => onChange(e.target.value)}
      error={fieldError(error, "pausedUntil")}
    />
  );
}
