import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SecondFactorChallenge } from "../../../common/schemas/second-factor.ts";
import { MutationButton } from "../../components/buttons.tsx";
import { Checkbox } from "../../components/choices.tsx";
import { Field } from "../../components/field.tsx";
import { MutationForm } from "../../components/mutation-form.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useDraft } from "../../lib/draft.ts";
import { AddAuthenticatorApp, AddPasskey, RecoveryCodes } from "./add-factor.tsx";
import { secondFactorApi, secondFactorKeys } from "./second-factor-api.ts";
import "./second-factor.css";

/**
 * The second step of signing in (decision 0026), shown instead of the app while the session owes it:
 * prove a factor the person has, or set one up where the organisation requires it.
 */
export function SecondFactorStep({ step, onSignOut }: { step: "verify" | "enrol"; onSignOut: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{step === "verify" ? t("ui.secondFactor.verifyTitle") : t("ui.secondFactor.enrolTitle")}</h1>
      {step === "verify" ? <VerifyFactor /> : <EnrolFactor />}
      <p>
        <button type="button" className="button-secondary" onClick={onSignOut}>
          {t("ui.secondFactor.signOutInstead")}
        </button>
      </p>
    </div>
  );
}

/** Once the session is full, every query (who am I first) is fetched again and the app opens. */
function useOpenApp() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries(), [client]);
}

function VerifyFactor() {
  // A query, not an effect: it runs once however often the screen mounts, and a remembered device is
  // settled by the server in this same call.
  const start = useQuery({
    queryKey: secondFactorKeys.start(),
    queryFn: secondFactorApi.start,
    staleTime: Infinity,
    gcTime: 0,
  });
  return <QueryState query={start}>{(challenge) => <VerifyChoices challenge={challenge} />}</QueryState>;
}

function VerifyChoices({ challenge }: { challenge: SecondFactorChallenge }) {
  const { t } = useTranslation();
  const openApp = useOpenApp();
  const [rememberDevice, setRememberDevice] = useState(false);
  const draft = useDraft({ code: "", recoveryCode: "" });
  const passkey = useMutation({
    mutationFn: () => secondFactorApi.verifyPasskey({ rememberDevice }),
    onSuccess: openApp,
  });
  const app = useMutation({
    mutationFn: () => secondFactorApi.verifyTotp({ code: draft.values.code, rememberDevice }),
    onSuccess: openApp,
  });
  const recovery = useMutation({
    mutationFn: () =>
      secondFactorApi.verifyRecoveryCode({ recoveryCode: draft.values.recoveryCode, rememberDevice }),
    onSuccess: openApp,
  });
  useEffect(() => {
    if (challenge.done) void openApp();
  }, [challenge.done, openApp]);
  if (challenge.done) return null;
  return (
    <>
      <p>{t("ui.secondFactor.verifyIntro")}</p>
      <Checkbox
        label={t("ui.secondFactor.rememberDevice")}
        hint={t("ui.secondFactor.rememberDeviceHint")}
        checked={rememberDevice}
        onChange={setRememberDevice}
      />
      {challenge.passkey ? (
        <section className="card" aria-labelledby="verify-passkey-title">
          <h2 id="verify-passkey-title">{t("ui.secondFactor.passkeyTitle")}</h2>
          <p className="hint">{t("ui.secondFactor.usePasskeyHint")}</p>
          {passkey.error ? <PasskeyError error={passkey.error} /> : null}
          <p className="button-row">
            <MutationButton mutation={passkey} className="button-primary">
              {t("ui.secondFactor.usePasskey")}
            </MutationButton>
          </p>
        </section>
      ) : null}
      {challenge.totp ? (
        <MutationForm
          className="card form"
          noValidate
          mutation={app}
          title={t("ui.secondFactor.appTitle")}
          submitLabel={t("ui.secondFactor.useCode")}
        >
          <Field
            label={t("fields.code")}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            hint={t("ui.secondFactor.codeHint")}
            {...draft.bind("code", app.error)}
          />
        </MutationForm>
      ) : null}
      <details className="card">
        <summary>{t("ui.secondFactor.lostFactor")}</summary>
        <p>{t("ui.secondFactor.recoveryLeft", { count: challenge.recoveryCodesLeft })}</p>
        <MutationForm
          className="form"
          noValidate
          mutation={recovery}
          submitLabel={t("ui.secondFactor.useRecoveryCode")}
        >
          <Field
            label={t("fields.recoveryCode")}
            name="recoveryCode"
            autoComplete="off"
            {...draft.bind("recoveryCode", recovery.error)}
          />
        </MutationForm>
        <p className="hint">{t("ui.secondFactor.askColleague")}</p>
      </details>
    </>
  );
}

function PasskeyError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error" role="alert">
      {error instanceof Error && error.message ? error.message : t("ui.secondFactor.passkeyCancelled")}
    </div>
  );
}

/** Required by the organisation: pick a passkey or an app; the codes are shown before the app opens. */
function EnrolFactor() {
  const { t } = useTranslation();
  const openApp = useOpenApp();
  const [codes, setCodes] = useState<string[] | null>(null);
  const done = useMutation({ mutationFn: openApp });
  if (codes)
    return (
      <>
        <RecoveryCodes codes={codes} />
        <p className="button-row">
          <MutationButton mutation={done} className="button-primary">
            {t("ui.secondFactor.codesSaved")}
          </MutationButton>
        </p>
      </>
    );
  const added = ({ recoveryCodes }: { recoveryCodes: string[] | null }) =>
    recoveryCodes ? setCodes(recoveryCodes) : void openApp();
  return (
    <>
      <p>{t("ui.secondFactor.enrolIntro")}</p>
      <div className="card">
        <AddPasskey onAdded={added} />
      </div>
      <div className="card">
        <AddAuthenticatorApp onAdded={added} />
      </div>
    </>
  );
}
