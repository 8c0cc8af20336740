import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Field } from "../../components/field.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import type { TokenPasswordBody } from "../../../common/schemas/auth.ts";
import { fieldError } from "../../lib/forms.ts";

/**
 * The password form behind invitation and reset links. The link's token travels in the URL fragment,
 * so it never reaches server logs or a Referer header.
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
  const client = useQueryClient();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const save = useMutation({
    mutationFn: () => redeem({ token, password }),
    onSuccess: async () => {
      await client.invalidateQueries();
      await navigate("/");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password === repeat) save.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} noValidate>
      <ErrorMessage error={save.error} />
      <NewPasswordFields
        label={t("ui.password.new")}
        password={password}
        onPassword={setPassword}
        repeat={repeat}
        onRepeat={setRepeat}
        error={fieldError(save.error, "password")}
        mismatch={mismatch}
      />
      <button type="submit" className="button-primary" disabled={save.isPending}>
        {t("ui.password.submit")}
      </button>
    </form>
  );
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

export function tokenFromHash(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";
}
