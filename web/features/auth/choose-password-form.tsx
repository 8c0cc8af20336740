import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Field } from "../../components/field.tsx";
import { MutationForm } from "../../components/mutation-form.tsx";
import type { TokenPasswordBody } from "../../../common/schemas/auth.ts";
import { fieldError } from "../../lib/forms.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";

/**
 * The password form behind invitation and reset links; the token comes from the link's fragment
 * (`tokenFromHash`).
 */
export function ChoosePasswordForm({
  redeem,
  token,
}: {
  /** The API call that spends the link: accepting an invitation or resetting a password. */
  redeem: (body: TokenPasswordBody) => Promise<unknown>;
  token: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const newPassword = useNewPassword();
  const save = useSaveThenRefresh(() => redeem({ token, password: newPassword.password }), "all", {
    afterRefresh: () => navigate("/"),
  });
  return (
    <MutationForm
      className="card form"
      noValidate
      mutation={save}
      onSubmit={() => newPassword.whenRepeated(save.mutate)}
      submitLabel={t("ui.password.submit")}
    >
      <NewPasswordFields
        label={t("ui.password.new")}
        {...newPassword.fields}
        error={fieldError(save.error, "password")}
      />
    </MutationForm>
  );
}

/** A new password typed twice; `whenRepeated` acts only when both are the same, else shows why not. */
export function useNewPassword() {
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  return {
    password,
    fields: { password, onPassword: setPassword, repeat, onRepeat: setRepeat, mismatch },
    whenRepeated: (act: () => void) => {
      setMismatch(password !== repeat);
      if (password === repeat) act();
    },
    clear: () => {
      setPassword("");
      setRepeat("");
    },
  };
}

/** A new password and its repetition, with the rules as a hint; shared by every form that sets one. */
export function NewPasswordFields(props: {
  label: string;
  password: string;
  onPassword: (value: string) => void;
  repeat: string;
  onRepeat: (value: string) => void;
  error: string | undefined;
  mismatch: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        label={props.label}
        type="password"
        autoComplete="new-password"
        hint={t("ui.password.rules")}
        required
        minLength={10}
        value={props.password}
        onChange={(e) => props.onPassword(e.target.value)}
        error={props.error}
      />
      <Field
        label={t("ui.password.repeat")}
        type="password"
        autoComplete="new-password"
        required
        value={props.repeat}
        onChange={(e) => props.onRepeat(e.target.value)}
        error={props.mismatch ? t("ui.password.mismatch") : undefined}
      />
    </>
  );
}
