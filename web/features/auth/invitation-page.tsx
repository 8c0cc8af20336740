import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorMessage, Loading } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { authApi, authKeys } from "./auth-api.ts";
import { tokenFromHash } from "../../lib/link-token.ts";
import { ChoosePasswordForm } from "./choose-password-form.tsx";

export function InvitationPage() {
  const { t } = useTranslation();
  const [token] = useState(tokenFromHash);
  const invitation = useQuery({
    queryKey: authKeys.invitation(token),
    queryFn: () => authApi.lookupInvitation(token),
    retry: false,
    enabled: token.length >= 20,
  });
  return (
    <Page title={t("ui.invitation.title")}>
      {invitation.isLoading ? <Loading /> : null}
      {invitation.error || token.length < 20 ? (
        <div className="card">
          <ErrorMessage error={invitation.error ?? new Error("token")} />
          <p>
            <Link to="/sign-in">{t("ui.forgot.back")}</Link>
          </p>
        </div>
      ) : null}
      {invitation.data ? (
        <>
          <p className="lead">
            {t("ui.invitation.welcome", {
              name: invitation.data.name,
              organisation: invitation.data.organisationName,
            })}
          </p>
          <p>{t("ui.invitation.account", { email: invitation.data.email })}</p>
          <ChoosePasswordForm redeem={authApi.acceptInvitation} token={token} />
        </>
      ) : null}
    </Page>
  );
}
