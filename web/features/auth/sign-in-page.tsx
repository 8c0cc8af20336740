import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { MutationForm } from "../../components/mutation-form.tsx";
import { Page } from "../../components/page.tsx";
import { useDraft } from "../../lib/draft.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { authApi } from "./auth-api.ts";
import { CurrentPasswordField, SignInEmailField } from "./credential-fields.tsx";
import { EmailLinkSignIn } from "./email-link-sign-in.tsx";
import { OrganisationSignIn } from "../sso/organisation-sign-in.tsx";

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const draft = useDraft({ email: "", password: "" });
  const signIn = useSaveThenRefresh(() => authApi.signIn(draft.values), "all", {
    afterRefresh: () => navigate("/"),
  });
  return (
    <Page title={t("ui.signIn.title")}>
      <MutationForm
        className="card form"
        noValidate
        mutation={signIn}
        submitLabel={signIn.isPending ? t("ui.signIn.busy") : t("ui.signIn.submit")}
        footer={
          <p>
            <Link to="/forgot-password">{t("ui.signIn.forgot")}</Link>
          </p>
        }
      >
        <SignInEmailField name="email" {...draft.bind("email", signIn.error)} />
        <CurrentPasswordField
          label={t("fields.password")}
          name="password"
          {...draft.bind("password", signIn.error)}
        />
      </MutationForm>
      <EmailLinkSignIn />
      <OrganisationSignIn email={draft.values.email} />
    </Page>
  );
}
