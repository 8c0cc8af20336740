import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import { recoveryCodes, secondFactors } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { recordAudit } from "../../audit.ts";
import { invalid } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import type { SecondFactorChallenge } from "../../../common/schemas/second-factor.ts";
import type { SecretSealer } from "../../crypto/secrets.ts";
import { acceptedTotpStep } from "./second-factor-codes.ts";
import { type RelyingParty, verifyPasskeyAnswer } from "./second-factor-passkeys.ts";
import { isRememberedDevice, type SettledSession, settleSession } from "./second-factor-session.ts";
import { hashSecret } from "./tokens.ts";

/**
 * Proving the second factor after the first (decision 0026): a passkey, a code from the authenticator
 * app, or a recovery code. Each settles the half session into a full one in the same transaction that
 * spends the code, so two tabs sending the same code get one session between them.
 */

/** Where the authenticator app's secret is sealed: bound to its row, so a copied value opens nowhere else. */
export const totpSecretContext = (organisationId: string, personId: string) =>
  `totp-secret:${organisationId}:${personId}`;

/** The recovery codes a person has left. */
export async function recoveryCodesLeft(tenant: Tenant, personId: string): Promise<number> {
  const [row] = await tenant.select(
    recoveryCodes,
    { left: count() },
    eq(recoveryCodes.personId, personId),
    isNull(recoveryCodes.usedAt),
  );
  return row?.left ?? 0;
}

/**
 * The first step of the "prove it is you" screen: a browser remembered within the last 30 days settles
 * it at once; otherwise, which kinds of factor the person can use.
 */
export async function beginSecondFactor(
  scope: Scope,
  { deviceToken }: { deviceToken: string | undefined },
): Promise<{ challenge: SecondFactorChallenge; settled: SettledSession | null }> {
  const { tenant, actor, now } = scope;
  if (await isRememberedDevice(tenant, actor.personId, deviceToken, now)) {
    const settled = await tenant.transaction((tx) => settleSession(tx, scope, { step: "verify" }));
    return {
      challenge: { done: true, passkey: false, totp: false, recoveryCodesLeft: 0 },
      settled: { ...settled, deviceToken: null },
    };
  }
  const kinds = await tenant.select(
    secondFactors,
    { kind: secondFactors.kind },
    eq(secondFactors.personId, actor.personId),
    isNotNull(secondFactors.confirmedAt),
  );
  return {
    challenge: {
      done: false,
      passkey: kinds.some((factor) => factor.kind === "passkey"),
      totp: kinds.some((factor) => factor.kind === "totp"),
      recoveryCodesLeft: await recoveryCodesLeft(tenant, actor.personId),
    },
    settled: null,
  };
}

/** Signs in with a code from the authenticator app. */
export async function verifyTotp(
  scope: Scope,
  { code, rememberDevice }: { code: string; rememberDevice: boolean },
  sealer: SecretSealer,
): Promise<SettledSession> {
  const { tenant, actor, now } = scope;
  return tenant.transaction(async (tx) => {
    const [app] = await tx.select(
      secondFactors,
      {
        id: secondFactors.id,
        sealed: secondFactors.totpSecretSealed,
        lastStep: secondFactors.totpLastStep,
      },
      eq(secondFactors.personId, actor.personId),
      eq(secondFactors.kind, "totp"),
      isNotNull(secondFactors.confirmedAt),
    );
    const secret = app?.sealed
      ? sealer.open(app.sealed, totpSecretContext(tx.organisationId, actor.personId))
      : null;
    const step = secret ? acceptedTotpStep(secret, code, now, app!.lastStep) : null;
    if (!app || step === null) throw invalid("code", "second_factor_code_wrong");
    await tx.db
      .update(secondFactors)
      .set({ totpLastStep: step, lastUsedAt: now })
      .where(tx.where(secondFactors, eq(secondFactors.id, app.id)));
    return settleSession(tx, scope, { step: "verify", rememberDevice });
  });
}

/**
 * Signs in with a recovery code when the phone or key is lost: the code is spent, and the person
 * (and the audit log) can see how many are left.
 */
export async function verifyRecoveryCode(
  scope: Scope,
  { recoveryCode, rememberDevice }: { recoveryCode: string; rememberDevice: boolean },
): Promise<SettledSession> {
  const { tenant, actor, now } = scope;
  return tenant.transaction(async (tx) => {
    const spent = await tx.db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(
        tx.where(
          recoveryCodes,
          eq(recoveryCodes.personId, actor.personId),
          eq(recoveryCodes.codeHash, hashSecret(recoveryCode)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    if (spent.length === 0) throw invalid("recoveryCode", "recovery_code_wrong");
    await recordAudit(tx, actor, "second-factor.recovery-code-used", { type: "person", id: actor.personId });
    return settleSession(tx, scope, { step: "verify", rememberDevice });
  });
}

/** Signs in with a passkey. */
export async function verifyPasskey(
  scope: Scope,
  { passkey, rememberDevice }: { passkey: { id: string }; rememberDevice: boolean },
  rp: RelyingParty,
): Promise<SettledSession> {
  return scope.tenant.transaction(async (tx) => {
    await verifyPasskeyAnswer(tx, scope, passkey, rp);
    return settleSession(tx, scope, { step: "verify", rememberDevice });
  });
}

/** Whether the person has at least one factor they finished setting up (inside a transaction). */
export async function confirmedFactorCount(tx: Tenant, personId: string): Promise<number> {
  const [row] = await tx.select(
    secondFactors,
    { n: count() },
    and(eq(secondFactors.personId, personId), isNotNull(secondFactors.confirmedAt)),
  );
  return row?.n ?? 0;
}
