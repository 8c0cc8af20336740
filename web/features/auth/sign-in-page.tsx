import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { Field } from "../../components/field.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { fieldError } from "../../lib/forms.ts";
import { authApi } from "./auth-api.ts";

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useMutation({
    mutationFn: () => authApi.signIn({ email, password }),
    onSuccess: async () => {
      await client.invalidateQueries();
      await navigate("/");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  return (
    <Page title={t("ui.signIn.title")}>
      <form className="card form" onSubmit={submit} noValidate>
        <ErrorMessage error={signIn.error} />
        <Field
          label={t("fields.email")}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(signIn.error, "email")}
        />
        <Field
          label={t("fields.password")}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError(signIn.error, "password")}
        />
        <button type="submit" className="button-primary" disabled={signIn.isPending}>
          {signIn.isPending ? t("ui.signIn.busy") : t("ui.signIn.submit")}
        </button>
        <p>
          <Link to="/forgot-password">{t("ui.signIn.forgot")}</Link>
        </p>
      </form>
    </Page>
  );
}
