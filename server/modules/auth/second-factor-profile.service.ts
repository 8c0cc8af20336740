import { asc, eq, gt, isNotNull, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import {
  recoveryCodes,
  rememberedDevices,
  secondFactors,
  webauthnChallenges,
} from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { recordAudit } from "../../audit.ts";
import type { SecretSealer } from "../../crypto/secrets.ts";
import { AppError, invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import type { AuthenticatorAppSetup, MySecondFactors } from "../../../common/schemas/second-factor.ts";
import {
  acceptedTotpStep,
  formatRecoveryCode,
  newRecoveryCode,
  newTotpSecret,
  RECOVERY_CODE_COUNT,
  totpOf,
} from "./second-factor-codes.ts";
import { type RelyingParty, verifyNewPasskey } from "./second-factor-passkeys.ts";
import { type SettledSession, settleSession } from "./second-factor-session.ts";
import { isRequiredOf } from "./second-factor-step.ts";
import { confirmedFactorCount, recoveryCodesLeft, totpSecretContext } from "./second-factor.service.ts";
import { hashSecret } from "./tokens.ts";

/** A person's own second factors in the profile: set up, named, removed (decision 0026). */

export async function listMySecondFactors(scope: Scope): Promise<MySecondFactors> {
  const { tenant, actor, now } = scope;
  const factors = await tenant
    .select(
      secondFactors,
      {
        id: secondFactors.id,
        kind: secondFactors.kind,
        label: secondFactors.label,
        createdAt: secondFactors.createdAt,
        lastUsedAt: secondFactors.lastUsedAt,
      },
      eq(secondFactors.personId, actor.personId),
      isNotNull(secondFactors.confirmedAt),
    )
    .orderBy(asc(secondFactors.createdAt));
  const devices = await tenant
    .select(
      rememberedDevices,
      {
        id: rememberedDevices.id,
        createdAt: rememberedDevices.createdAt,
        expiresAt: rememberedDevices.expiresAt,
      },
      eq(rememberedDevices.personId, actor.personId),
      gt(rememberedDevices.expiresAt, now),
    )
    .orderBy(asc(rememberedDevices.createdAt));
  return {
    factors: factors.map((factor) => ({
      ...factor,
      createdAt: factor.createdAt.toISOString(),
      lastUsedAt: factor.lastUsedAt?.toISOString() ?? null,
    })),
    recoveryCodesLeft: await recoveryCodesLeft(tenant, actor.personId),
    rememberedDevices: devices.map((device) => ({
      id: device.id,
      createdAt: device.createdAt.toISOString(),
      expiresAt: device.expiresAt.toISOString(),
    })),
    required: await isRequiredOf(tenant, actor.personId),
  };
}

/**
 * Starts setting up an authenticator app: a new secret (replacing an unfinished setup) shown once as a
 * QR code and as text. It counts only after the person typed a code from the app.
 */
export async function startAuthenticatorApp(
  scope: Scope,
  sealer: SecretSealer,
): Promise<AuthenticatorAppSetup> {
  const { tenant, actor, now } = scope;
  const secret = newTotpSecret();
  const sealed = sealer.seal(secret, totpSecretContext(tenant.organisationId, actor.personId));
  await tenant.transaction(async (tx) => {
    const [existing] = await tx.select(
      secondFactors,
      { id: secondFactors.id, confirmedAt: secondFactors.confirmedAt },
      eq(secondFactors.personId, actor.personId),
      eq(secondFactors.kind, "totp"),
    );
    if (existing?.confirmedAt) throw new AppError("AUTHENTICATOR_APP_EXISTS");
    if (existing)
      await tx.db
        .update(secondFactors)
        .set({ totpSecretSealed: sealed, updatedAt: now })
        .where(tx.where(secondFactors, eq(secondFactors.id, existing.id)));
    else
      await tx.db
        .insert(secondFactors)
        .values(
          tx.row({ personId: actor.personId, kind: "totp" as const, label: "", totpSecretSealed: sealed }),
        );
  });
  const uri = totpOf(secret, actor.email).toString();
  return { secret, uri, qrCode: await QRCode.toDataURL(uri, { type: "image/png", margin: 1, width: 220 }) };
}

/** What setting up a factor answers: recovery codes when it was the first, and a full session if owed. */
export interface FactorAddedResult {
  recoveryCodes: string[] | null;
  settled: SettledSession | null;
}

/**
 * The person's first factor comes with recovery codes (the way back when it is lost), and a session
 * that was led here by the organisation's rule becomes a full one.
 */
async function afterFactorAdded(
  tx: Tenant,
  scope: Scope,
  kind: "passkey" | "totp",
): Promise<FactorAddedResult> {
  const { actor } = scope;
  await recordAudit(tx, actor, "second-factor.added", { type: "person", id: actor.personId }, { kind });
  const first = (await confirmedFactorCount(tx, actor.personId)) === 1;
  const codes = first ? await replaceRecoveryCodes(tx, actor.personId, scope.now) : null;
  const settled =
    actor.pendingSecondFactor === "enrol" ? await settleSession(tx, scope, { step: "enrol" }) : null;
  return { recoveryCodes: codes, settled };
}

/** Finishes the authenticator app's setup with a code from it. */
export async function confirmAuthenticatorApp(
  scope: Scope,
  { code, label }: { code: string; label: string },
  sealer: SecretSealer,
): Promise<FactorAddedResult> {
  const { tenant, actor, now } = scope;
  return tenant.transaction(async (tx) => {
    const [setup] = await tx.select(
      secondFactors,
      { id: secondFactors.id, sealed: secondFactors.totpSecretSealed },
      eq(secondFactors.personId, actor.personId),
      eq(secondFactors.kind, "totp"),
      isNull(secondFactors.confirmedAt),
    );
    if (!setup?.sealed) throw new AppError("AUTHENTICATOR_APP_NOT_STARTED");
    const secret = sealer.open(setup.sealed, totpSecretContext(tx.organisationId, actor.personId));
    const step = acceptedTotpStep(secret, code, now, null);
    if (step === null) throw invalid("code", "second_factor_code_wrong");
    await tx.db
      .update(secondFactors)
      .set({ label, confirmedAt: now, totpLastStep: step, lastUsedAt: now, updatedAt: now })
      .where(tx.where(secondFactors, eq(secondFactors.id, setup.id)));
    return afterFactorAdded(tx, scope, "totp");
  });
}

/** Adds a passkey the browser just made. */
export async function registerPasskey(
  scope: Scope,
  { passkey, label }: { passkey: unknown; label: string },
  rp: RelyingParty,
): Promise<FactorAddedResult> {
  const { tenant, actor, now } = scope;
  return tenant.transaction(async (tx) => {
    const key = await verifyNewPasskey(tx, scope, passkey, rp);
    const added = await tx.db
      .insert(secondFactors)
      .values(tx.row({ personId: actor.personId, kind: "passkey" as const, label, confirmedAt: now, ...key }))
      .onConflictDoNothing()
      .returning({ id: secondFactors.id });
    if (added.length === 0) throw new AppError("PASSKEY_REFUSED", "credential already registered");
    return afterFactorAdded(tx, scope, "passkey");
  });
}

/** Renames one of the person's own factors. */
export async function renameFactor(scope: Scope, { factorId, label }: { factorId: string; label: string }) {
  const { tenant, actor, now } = scope;
  const renamed = await tenant.db
    .update(secondFactors)
    .set({ label, updatedAt: now })
    .where(
      tenant.where(
        secondFactors,
        eq(secondFactors.id, factorId),
        eq(secondFactors.personId, actor.personId),
        isNotNull(secondFactors.confirmedAt),
      ),
    )
    .returning({ id: secondFactors.id });
  if (renamed.length === 0) throw notFound("second factor");
}

/**
 * Removes one of the person's own factors. The last one cannot go while the organisation requires one
 * of them; with the last one go the recovery codes and remembered devices, which only stood for it.
 */
export async function removeFactor(scope: Scope, { factorId }: { factorId: string }): Promise<void> {
  const { tenant, actor } = scope;
  await tenant.transaction(async (tx) => {
    const removed = await tx.db
      .delete(secondFactors)
      .where(
        tx.where(
          secondFactors,
          eq(secondFactors.id, factorId),
          eq(secondFactors.personId, actor.personId),
          isNotNull(secondFactors.confirmedAt),
        ),
      )
      .returning({ kind: secondFactors.kind });
    if (removed.length === 0) throw notFound("second factor");
    if ((await confirmedFactorCount(tx, actor.personId)) === 0) {
      if (await isRequiredOf(tx, actor.personId)) throw new AppError("SECOND_FACTOR_STILL_REQUIRED");
      await forgetEverything(tx, actor.personId);
    }
    await recordAudit(
      tx,
      actor,
      "second-factor.removed",
      { type: "person", id: actor.personId },
      {
        kind: removed[0]!.kind,
      },
    );
  });
}

/** New recovery codes (the old ones stop working), shown once. */
export async function renewRecoveryCodes(scope: Scope): Promise<string[]> {
  const { tenant, actor, now } = scope;
  return tenant.transaction(async (tx) => {
    if ((await confirmedFactorCount(tx, actor.personId)) === 0) throw new AppError("SECOND_FACTOR_NONE");
    await recordAudit(tx, actor, "second-factor.recovery-codes-renewed", {
      type: "person",
      id: actor.personId,
    });
    return replaceRecoveryCodes(tx, actor.personId, now);
  });
}

/** Every remembered device of the person asks for the second factor again at its next sign-in. */
export async function forgetRememberedDevices(scope: Scope): Promise<void> {
  const { tenant, actor } = scope;
  await tenant.db
    .delete(rememberedDevices)
    .where(tenant.where(rememberedDevices, eq(rememberedDevices.personId, actor.personId)));
}

async function replaceRecoveryCodes(tx: Tenant, personId: string, now: Date): Promise<string[]> {
  await tx.db.delete(recoveryCodes).where(tx.where(recoveryCodes, eq(recoveryCodes.personId, personId)));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.db
    .insert(recoveryCodes)
    .values(codes.map((code) => tx.row({ personId, codeHash: hashSecret(code), createdAt: now })));
  return codes.map(formatRecoveryCode);
}

/** Everything that stood for a person's second factor: factors, codes, remembered devices, challenges. */
export async function forgetEverything(tx: Tenant, personId: string): Promise<void> {
  await tx.db.delete(secondFactors).where(tx.where(secondFactors, eq(secondFactors.personId, personId)));
  await tx.db.delete(recoveryCodes).where(tx.where(recoveryCodes, eq(recoveryCodes.personId, personId)));
  await tx.db
    .delete(rememberedDevices)
    .where(tx.where(rememberedDevices, eq(rememberedDevices.personId, personId)));
  await tx.db
    .delete(webauthnChallenges)
    .where(tx.where(webauthnChallenges, eq(webauthnChallenges.personId, personId)));
}
