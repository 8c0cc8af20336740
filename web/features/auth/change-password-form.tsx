import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../components/field.tsx";
import { MutationForm } from "../../components/mutation-form.tsx";
import { fieldError } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { authApi, authKeys } from "./auth-api.ts";
import { NewPasswordFields, useNewPassword } from "./choose-password-form.tsx";

/** Changing the password in the app: the current one first; every other device is signed out. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState("");
  const newPassword = useNewPassword();
  const save = useSaveThenRefresh(
    () => authApi.changePassword({ currentPassword, newPassword: newPassword.password }),
    [authKeys.sessions()],
    {
      onSaved: () => {
        setCurrentPassword("");
        newPassword.clear();
      },
    },
  );
  return (
    <section className="card" id="password" aria-labelledby="password-title">
      <h2 id="password-title">{t("ui.changePassword.title")}</h2>
      <p className="hint">{t("ui.changePassword.intro")}</p>
      <MutationForm
        className="form"
        noValidate
        mutation={save}
        onSubmit={() => newPassword.whenRepeated(save.mutate)}
        savedMessage={t("ui.changePassword.changed")}
        submitLabel={t("ui.changePassword.submit")}
      >
        <Field
          label={t("fields.currentPassword")}
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={fieldError(save.error, "currentPassword")}
        />
        <NewPasswordFields
          label={t("fields.newPassword")}
          {...newPassword.fields}
          error={fieldError(save.error, "newPassword")}
        />
      </MutationForm>
    </section>
  );
}
