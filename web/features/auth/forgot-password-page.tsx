import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Field } from "../../components/field.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { fieldError } from "../../lib/forms.ts";
import { authApi } from "./auth-api.ts";

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const request = useMutation({ mutationFn: () => authApi.forgotPassword(email) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  return (
    <Page title={t("ui.forgot.title")}>
      <form className="card form" onSubmit={submit} noValidate>
        <p>{t("ui.forgot.intro")}</p>
        <ErrorMessage error={request.error} />
        {request.isSuccess ? <SuccessMessage>{t("ui.forgot.sent")}</SuccessMessage> : null}
        <Field
          label={t("fields.email")}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(request.error, "email")}
        />
        <button type="submit" className="button-primary" disabled={request.isPending}>
          {t("ui.forgot.submit")}
        </button>
        <p>
          <Link to="/sign-in">{t("ui.forgot.back")}</Link>
        </p>
      </form>
    </Page>
  );
}
