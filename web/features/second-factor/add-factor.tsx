import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuthenticatorAppSetup, FactorAdded } from "../../../common/schemas/second-factor.ts";
import { MutationButton } from "../../components/buttons.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { Field } from "../../components/field.tsx";
import { MutationForm } from "../../components/mutation-form.tsx";
import { useDraft } from "../../lib/draft.ts";
import { secondFactorApi } from "./second-factor-api.ts";

/** What a parent does once a factor is added: show the recovery codes (the first factor brings them). */
type Added = (answer: FactorAdded) => void;

/** Adding a passkey: a name for it, then the browser's own dialog (fingerprint, face, PIN or key). */
export function AddPasskey({ onAdded }: { onAdded: Added }) {
  const { t } = useTranslation();
  const draft = useDraft({ label: t("ui.secondFactor.defaultPasskeyLabel") });
  const add = useMutation({
    mutationFn: () => secondFactorApi.addPasskey(draft.values.label),
    onSuccess: onAdded,
  });
  return (
    <MutationForm
      className="form"
      noValidate
      mutation={add}
      title={t("ui.secondFactor.passkeyTitle")}
      intro={<p className="hint">{t("ui.secondFactor.passkeyIntro")}</p>}
      submitLabel={t("ui.secondFactor.makePasskey")}
    >
      <Field label={t("fields.label")} name="label" autoComplete="off" {...draft.bind("label", add.error)} />
    </MutationForm>
  );
}

/**
 * Adding an authenticator app: a new secret as a QR code (and as text, for typing in), then a code from
 * the app proves it was set up right before it counts.
 */
export function AddAuthenticatorApp({ onAdded }: { onAdded: Added }) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<AuthenticatorAppSetup | null>(null);
  const start = useMutation({ mutationFn: secondFactorApi.startApp, onSuccess: setSetup });
  return (
    <section className="stack" aria-labelledby="authenticator-app-title">
      <h3 id="authenticator-app-title">{t("ui.secondFactor.appTitle")}</h3>
      <p className="hint">{t("ui.secondFactor.appIntro")}</p>
      {setup ? (
        <ConfirmApp setup={setup} onAdded={onAdded} />
      ) : (
        <>
          <ErrorMessage error={start.error} />
          <p className="button-row">
            <MutationButton mutation={start} className="button-secondary">
              {t("ui.secondFactor.startApp")}
            </MutationButton>
          </p>
        </>
      )}
    </section>
  );
}

function ConfirmApp({ setup, onAdded }: { setup: AuthenticatorAppSetup; onAdded: Added }) {
  const { t } = useTranslation();
  const draft = useDraft({ code: "", label: t("ui.secondFactor.defaultAppLabel") });
  const confirm = useMutation({
    mutationFn: () => secondFactorApi.confirmApp(draft.values),
    onSuccess: onAdded,
  });
  return (
    <>
      <ol className="steps">
        <li>{t("ui.secondFactor.appStepScan")}</li>
        <li>{t("ui.secondFactor.appStepType")}</li>
      </ol>
      <img className="qr-code" src={setup.qrCode} width={220} height={220} alt={t("ui.secondFactor.qrAlt")} />
      <p>
        {t("ui.secondFactor.secretText")} <code className="secret">{setup.secret}</code>
      </p>
      <MutationForm
        className="form"
        noValidate
        mutation={confirm}
        submitLabel={t("ui.secondFactor.confirmApp")}
      >
        <Field
          label={t("fields.code")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          {...draft.bind("code", confirm.error)}
        />
        <Field
          label={t("fields.label")}
          name="label"
          autoComplete="off"
          {...draft.bind("label", confirm.error)}
        />
      </MutationForm>
    </>
  );
}

/** New recovery codes, shown once: the person writes them down or prints them. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-success" role="status">
      <p className="alert-title">{t("ui.secondFactor.codesTitle")}</p>
      <p>{t("ui.secondFactor.codesIntro")}</p>
      <ul className="recovery-codes" aria-label={t("ui.secondFactor.codesTitle")}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
