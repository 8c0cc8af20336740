import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { MutationForm } from "../../components/mutation-form.tsx";
import { Page } from "../../components/page.tsx";
import { tokenFromHash } from "../../lib/link-token.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { emailLinkApi } from "./email-link-api.ts";

/**
 * Reads the link's token once and takes it out of the address bar, so it stays out of the history. The
 * address changes only once the page is on screen: a render React throws away (a lazily loaded part
 * suspending) would otherwise have taken the token with it.
 */
function useTokenFromLink(): string {
  const [token] = useState(tokenFromHash);
  useEffect(() => {
    if (token && window.location.hash) window.history.replaceState(null, "", window.location.pathname);
  }, [token]);
  return token;
}

/**
 * Where a one-time link lands: the link from a sign-in email (`/sign-in/link`) or the QR code of a
 * printed card (`/sign-in/card`). It asks for one tap instead of signing in on load, because mail
 * scanners open links in emails and would spend them.
 */
function TokenSignInPage({
  texts,
  redeem,
}: {
  texts: { title: string; intro: string; submit: string; missing: string };
  redeem: (token: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const token = useTokenFromLink();
  const signIn = useSaveThenRefresh(() => redeem(token), "all", { afterRefresh: () => navigate("/") });
  return (
    <Page title={texts.title}>
      {token ? (
        <MutationForm
          className="card form"
          intro={<p>{texts.intro}</p>}
          mutation={signIn}
          submitLabel={texts.submit}
          footer={
            <p>
              <Link to="/sign-in">{t("ui.emailLink.backToSignIn")}</Link>
            </p>
          }
        />
      ) : (
        <div className="card">
          <p className="alert alert-error" role="alert">
            {texts.missing}
          </p>
          <p>
            <Link to="/sign-in">{t("ui.emailLink.backToSignIn")}</Link>
          </p>
        </div>
      )}
    </Page>
  );
}

export function EmailLinkPage() {
  const { t } = useTranslation();
  return (
    <TokenSignInPage
      texts={{
        title: t("ui.emailLink.linkTitle"),
        intro: t("ui.emailLink.linkIntro"),
        submit: t("ui.emailLink.linkSubmit"),
        missing: t("ui.emailLink.linkMissing"),
      }}
      redeem={emailLinkApi.redeemLink}
    />
  );
}

export function SignInCardPage() {
  const { t } = useTranslation();
  return (
    <TokenSignInPage
      texts={{
        title: t("ui.signInCard.pageTitle"),
        intro: t("ui.signInCard.pageIntro"),
        submit: t("ui.signInCard.pageSubmit"),
        missing: t("ui.signInCard.pageMissing"),
      }}
      redeem={emailLinkApi.useCard}
    />
  );
}
