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
      <Field
        label={t("ui.password.new")}
        type="password"
        autoComplete="new-password"
        hint={t("ui.password.rules")}
        required
        minLength={10}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError(save.error, "password")}
      />
      <Field
        label={t("ui.password.repeat")}
        type="password"
        autoComplete="new-password"
        required
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
        error={mismatch ? t("ui.password.mismatch") : undefined}
      />
      <button type="submit" className="button-primary" disabled={save.isPending}>
        {t("ui.password.submit")}
      </button>
    </form>
  );
}

export function tokenFromHash(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";
}
