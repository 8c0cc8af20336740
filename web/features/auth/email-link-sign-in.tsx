import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Field } from "../../components/field.tsx";
import { MutationForm } from "../../components/mutation-form.tsx";
import { useDraft } from "../../lib/draft.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { SignInEmailField } from "./credential-fields.tsx";
import { emailLinkApi } from "./email-link-api.ts";

/**
 * "Sign in without a password" under the sign-in form (decision 0024): ask for an email with a
 * one-time link and a six-digit code. The code is typed here, on the browser that asked, for when the
 * email is read on another device. A section of its own, so the sign-in page only places it.
 */
export function EmailLinkSignIn() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    // No accessible name of its own: "…without a password" would answer to every "Password" label.
    <div className="card">
      <button
        type="button"
        className="button-secondary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {t("ui.emailLink.toggle")}
      </button>
      <div id={panelId} hidden={!open}>
        {open ? <AskAndEnterCode /> : null}
      </div>
    </div>
  );
}

function AskAndEnterCode() {
  const { t } = useTranslation();
  const draft = useDraft({ email: "" });
  const ask = useMutation({ mutationFn: () => emailLinkApi.ask(draft.values.email) });
  if (ask.isSuccess) return <EnterCode email={draft.values.email} onAgain={() => ask.reset()} />;
  return (
    <MutationForm
      className="form"
      noValidate
      intro={<p className="hint">{t("ui.emailLink.intro")}</p>}
      mutation={ask}
      submitLabel={t("ui.emailLink.submit")}
    >
      <SignInEmailField {...draft.bind("email", ask.error)} />
    </MutationForm>
  );
}

function EnterCode({ email, onAgain }: { email: string; onAgain: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const draft = useDraft({ code: "" });
  const redeem = useSaveThenRefresh(() => emailLinkApi.redeemCode(email, draft.values.code), "all", {
    afterRefresh: () => navigate("/"),
  });
  return (
    <>
      <p role="status">{t("ui.emailLink.sent", { email })}</p>
      <MutationForm
        className="form"
        noValidate
        intro={<p className="hint">{t("ui.emailLink.codeIntro")}</p>}
        mutation={redeem}
        submitLabel={t("ui.emailLink.codeSubmit")}
        footer={
          <p>
            <button type="button" className="link-button" onClick={onAgain}>
              {t("ui.emailLink.again")}
            </button>
          </p>
        }
      >
        <Field
          label={t("fields.code")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          {...draft.bind("code", redeem.error)}
        />
      </MutationForm>
    </>
  );
}
