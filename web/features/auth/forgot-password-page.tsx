import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { MutationForm } from "../../components/mutation-form.tsx";
import { Page } from "../../components/page.tsx";
import { useDraft } from "../../lib/draft.ts";
import { authApi } from "./auth-api.ts";
import { SignInEmailField } from "./credential-fields.tsx";

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const draft = useDraft({ email: "" });
  const request = useMutation({ mutationFn: () => authApi.forgotPassword(draft.values.email) });
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
        <SignInEmailField {...draft.bind("email", request.error)} />
      </MutationForm>
    </Page>
  );
}
