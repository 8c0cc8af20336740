import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ssoFailureReasons, type SsoFailureReason } from "../../../common/sso-failures.ts";
import { ssoApi } from "./sso-api.ts";

const looksLikeEmail = (text: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text.trim());

const isFailureReason = (value: string | null): value is SsoFailureReason =>
  (ssoFailureReasons as readonly (string | null)[]).includes(value);

/**
 * "Sign in with your organisation account" on the sign-in page. The address typed in the page's email
 * field names the organisation (by its domain); the browser then goes to the server, which sends it on
 * to the organisation's provider. Coming back refused (`?sso=<reason>`), the reason is said here.
 */
export function OrganisationSignIn({ email }: { email: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [needEmail, setNeedEmail] = useState(false);
  const [going, setGoing] = useState(false);
  const reason = params.get("sso");
  const failure = useRef<HTMLParagraphElement>(null);
  // Back from the provider refused: the reason may be below the fold on a phone, so it takes the focus.
  useEffect(() => {
    if (isFailureReason(reason)) failure.current?.focus();
  }, [reason]);
  const start = () => {
    if (!looksLikeEmail(email)) {
      setNeedEmail(true);
      document.querySelector<HTMLInputElement>('input[autocomplete="username"]')?.focus();
      return;
    }
    setNeedEmail(false);
    setGoing(true);
    window.location.assign(ssoApi.signInUrl(email.trim()));
  };
  return (
    <section className="card sso-sign-in" aria-labelledby="organisation-sign-in">
      <h2 id="organisation-sign-in">{t("ui.sso.button")}</h2>
      {isFailureReason(reason) ? (
        <p ref={failure} tabIndex={-1} className="alert alert-error" role="alert">
          {t(`ui.sso.failures.${reason}`)}
        </p>
      ) : null}
      <p className="hint" id="organisation-sign-in-hint">
        {t("ui.sso.buttonHint")}
      </p>
      {needEmail ? (
        <p className="field-error" role="alert">
          {t("ui.sso.needEmail")}
        </p>
      ) : null}
      <button
        type="button"
        className="button-secondary"
        aria-describedby="organisation-sign-in-hint"
        disabled={going}
        onClick={start}
      >
        {going ? t("ui.sso.going") : t("ui.sso.button")}
      </button>
    </section>
  );
}
