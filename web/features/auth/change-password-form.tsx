import { useTranslation } from "react-i18next";
import { MutationForm } from "../../components/mutation-form.tsx";
import { useDraft } from "../../lib/draft.ts";
import { fieldError } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { authApi, authKeys } from "./auth-api.ts";
import { NewPasswordFields, useNewPassword } from "./choose-password-form.tsx";
import { CurrentPasswordField } from "./credential-fields.tsx";

/** Changing the password in the app: the current one first; every other device is signed out. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const current = useDraft({ currentPassword: "" });
  const newPassword = useNewPassword();
  const save = useSaveThenRefresh(
    () => authApi.changePassword({ ...current.values, newPassword: newPassword.password }),
    [authKeys.sessions()],
    {
      onSaved: () => {
        current.reset();
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
        <CurrentPasswordField
          label={t("fields.currentPassword")}
          {...current.bind("currentPassword", save.error)}
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
