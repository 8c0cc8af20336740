import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../components/field.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { fieldError } from "../../lib/forms.ts";
import { authApi, authKeys } from "./auth-api.ts";
import { NewPasswordFields } from "./choose-password-form.tsx";

/** Changing the password in the app: the current one first; every other device is signed out. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const save = useMutation({
    mutationFn: () => authApi.changePassword({ currentPassword, newPassword }),
    onSuccess: async () => {
      setCurrentPassword("");
      setNewPassword("");
      setRepeat("");
      await client.invalidateQueries({ queryKey: authKeys.sessions() });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(newPassword !== repeat);
    if (newPassword === repeat) save.mutate();
  };
  return (
    <section className="card" id="password" aria-labelledby="password-title">
      <h2 id="password-title">{t("ui.changePassword.title")}</h2>
      <p className="hint">{t("ui.changePassword.intro")}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorMessage error={save.error} />
        {save.isSuccess ? <SuccessMessage>{t("ui.changePassword.changed")}</SuccessMessage> : null}
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
          password={newPassword}
          onPassword={setNewPassword}
          repeat={repeat}
          onRepeat={setRepeat}
          error={fieldError(save.error, "newPassword")}
          mismatch={mismatch}
        />
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t("ui.changePassword.submit")}
        </button>
      </form>
    </section>
  );
}
