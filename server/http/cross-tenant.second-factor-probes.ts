import type { Probe } from "./cross-tenant.probes.ts";

/** A stranger's WebAuthn answer: it names no key of B's, so it is refused. */
const forgedPasskey = {
  id: "alpha-credential",
  rawId: "alpha-credential",
  type: "public-key",
  response: { clientDataJSON: "e30", authenticatorData: "AA", signature: "AA" },
};

/** The second-factor routes (decision 0026), called by B's coordinator with A's ids. */
export const secondFactorProbes: Record<string, Probe> = {
  "POST /api/auth/second-factor/start": { expect: "own" },
  "POST /api/auth/second-factor/totp": { expect: "rejected", body: () => ({ code: "123456" }) },
  "POST /api/auth/second-factor/recovery-code": {
    expect: "rejected",
    body: () => ({ recoveryCode: "abcd-efgh-ijkm-npqr" }),
  },
  "POST /api/auth/second-factor/passkey/options": { expect: "own" },
  "POST /api/auth/second-factor/passkey": { expect: "rejected", body: () => ({ passkey: forgedPasskey }) },
  "GET /api/me/second-factors": { expect: "own" },
  "POST /api/me/second-factors/totp": { expect: "own" },
  "POST /api/me/second-factors/totp/confirm": {
    expect: "rejected",
    body: () => ({ code: "000000", label: "B" }),
  },
  "POST /api/me/second-factors/passkey/options": { expect: "own" },
  "POST /api/me/second-factors/passkey": {
    expect: "rejected",
    body: () => ({ passkey: forgedPasskey, label: "B" }),
  },
  "PATCH /api/me/second-factors/:factorId": { expect: 404, body: () => ({ label: "Hacked" }) },
  "DELETE /api/me/second-factors/:factorId": { expect: 404 },
  "POST /api/me/second-factors/recovery-codes": { expect: "rejected" },
  "DELETE /api/me/remembered-devices": { expect: "own" },
  "GET /api/organisation/second-factor": { expect: "own" },
  "PUT /api/organisation/second-factor": { expect: "own", body: () => ({ requiredForStaff: false }) },
  "GET /api/people/:personId/second-factor": { expect: 404 },
  "DELETE /api/people/:personId/second-factor": { expect: 404 },
};
