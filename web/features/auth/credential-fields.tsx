import type { ChangeEventHandler } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../components/field.tsx";

/** A field bound to a draft (`useDraft().bind`), with an optional `name` for password managers. */
interface BoundField {
  value: string;
  onChange: ChangeEventHandler<HTMLInputElement>;
  error: string | undefined;
  name?: string;
}

/** The email address a person signs in with; the browser offers the one it keeps (autocomplete). */
export function SignInEmailField(field: BoundField) {
  const { t } = useTranslation();
  return <Field label={t("fields.email")} type="email" autoComplete="username" required {...field} />;
}

/** The password a person has now; the browser may fill it in. */
export function CurrentPasswordField({ label, ...field }: BoundField & { label: string }) {
  return <Field label={label} type="password" autoComplete="current-password" required {...field} />;
}
