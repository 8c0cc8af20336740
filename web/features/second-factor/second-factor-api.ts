import {
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import type {
  AuthenticatorAppSetup,
  FactorAdded,
  MySecondFactors,
  PersonSecondFactor,
  SecondFactorChallenge,
  SecondFactorPolicy,
} from "../../../common/schemas/second-factor.ts";
import i18next from "i18next";
import { api, ApiError } from "../../lib/api.ts";

/**
 * The browser's own passkey dialog failed or was closed: said in the person's words, like an API error,
 * so the form shows it where it shows every other problem.
 */
async function inBrowser<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch {
    throw new ApiError({
      status: 0,
      code: "PASSKEY_CANCELLED",
      detail: i18next.t("ui.secondFactor.passkeyCancelled"),
    });
  }
}

/** Query keys of second factors: one's own under "me", a colleague's under the person. */
export const secondFactorKeys = {
  mine: () => ["me", "second-factors"] as const,
  start: () => ["second-factor", "start"] as const,
  policy: () => ["organisation", "second-factor"] as const,
  person: (personId: string) => ["people", personId, "second-factor"] as const,
};

interface Proof {
  rememberDevice: boolean;
}

/** Typed calls for second factors (decision 0026). */
export const secondFactorApi = {
  start: () => api<SecondFactorChallenge>("POST", "/api/auth/second-factor/start"),
  verifyTotp: (body: Proof & { code: string }) =>
    api<{ ok: true }>("POST", "/api/auth/second-factor/totp", body),
  verifyRecoveryCode: (body: Proof & { recoveryCode: string }) =>
    api<{ ok: true }>("POST", "/api/auth/second-factor/recovery-code", body),
  /** Asks the browser for one of the person's passkeys and sends its answer. */
  async verifyPasskey({ rememberDevice }: Proof) {
    const optionsJSON = await api<PublicKeyCredentialRequestOptionsJSON>(
      "POST",
      "/api/auth/second-factor/passkey/options",
    );
    const passkey = await inBrowser(() => startAuthentication({ optionsJSON }));
    return api<{ ok: true }>("POST", "/api/auth/second-factor/passkey", { passkey, rememberDevice });
  },

  mine: () => api<MySecondFactors>("GET", "/api/me/second-factors"),
  startApp: () => api<AuthenticatorAppSetup>("POST", "/api/me/second-factors/totp"),
  confirmApp: (body: { code: string; label: string }) =>
    api<FactorAdded>("POST", "/api/me/second-factors/totp/confirm", body),
  /** Asks the browser to make a passkey for Beklijf and sends it. */
  async addPasskey(label: string) {
    const optionsJSON = await api<PublicKeyCredentialCreationOptionsJSON>(
      "POST",
      "/api/me/second-factors/passkey/options",
    );
    const passkey = await inBrowser(() => startRegistration({ optionsJSON }));
    return api<FactorAdded>("POST", "/api/me/second-factors/passkey", { passkey, label });
  },
  rename: (factorId: string, label: string) =>
    api<{ ok: true }>("PATCH", `/api/me/second-factors/${factorId}`, { label }),
  remove: (factorId: string) => api<undefined>("DELETE", `/api/me/second-factors/${factorId}`),
  renewRecoveryCodes: () => api<{ recoveryCodes: string[] }>("POST", "/api/me/second-factors/recovery-codes"),
  forgetDevices: () => api<undefined>("DELETE", "/api/me/remembered-devices"),

  policy: () => api<SecondFactorPolicy>("GET", "/api/organisation/second-factor"),
  setPolicy: (body: SecondFactorPolicy) =>
    api<SecondFactorPolicy>("PUT", "/api/organisation/second-factor", body),
  person: (personId: string) => api<PersonSecondFactor>("GET", `/api/people/${personId}/second-factor`),
  resetPerson: (personId: string) => api<undefined>("DELETE", `/api/people/${personId}/second-factor`),
};
