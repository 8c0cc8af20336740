import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Field } from "../../components/field.tsx";
import { MutationForm } from "../../components/mutation-form.tsx";
import { Page } from "../../components/page.tsx";
import { fieldError } from "../../lib/forms.ts";
import { authApi } from "./auth-api.ts";

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const request = useMutation({ mutationFn: () => authApi.forgotPassword(email) });
  return (
    <Page title={t("ui.forgot.title")}>
      <MutationForm
        className="card form"
        noValidate
        intro={<p>{t("ui.forgot.intro")}</p>}
        mutation={request}
        savedMessage={t("ui.forgot.sent")}
        submitLabel={t("ui.forgot.submit")}
        footer={
          <p>
            <Link to="/sign-in">{t("ui.forgot.back")}</Link>
          </p>
        }
      >
        <Field
          label={t("fields.email")}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(request.error, "email")}
        />
      </MutationForm>
    </Page>
  );
}
