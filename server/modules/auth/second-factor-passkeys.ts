import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { and, eq, gt } from "drizzle-orm";
import { secondFactors, webauthnChallenges } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";

/**
 * Passkeys through @simplewebauthn/server (decision 0026). The relying party is Beklijf's own public
 * address: its host name is the RP id and its origin the only origin accepted.
 */
export interface RelyingParty {
  id: string;
  origin: string;
}

export const relyingPartyOf = (publicUrl: string): RelyingParty => {
  const url = new URL(publicUrl);
  return { id: url.hostname, origin: url.origin };
};

const CHALLENGE_MINUTES = 5;
type Purpose = "register" | "authenticate";

/** Keeps the challenge this session must answer (one per purpose; asking again replaces it). */
async function keepChallenge(scope: Scope, purpose: Purpose, challenge: string): Promise<void> {
  const { tenant, actor, now } = scope;
  await tenant.db
    .insert(webauthnChallenges)
    .values(
      tenant.row({
        personId: actor.personId,
        sessionId: actor.sessionId,
        purpose,
        challenge,
        expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
      }),
    )
    .onConflictDoUpdate({
      target: [webauthnChallenges.organisationId, webauthnChallenges.sessionId, webauthnChallenges.purpose],
      set: { challenge, expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000) },
    });
}

/** Takes the session's live challenge: a right answer spends it, so a recorded answer never works again. */
async function takeChallenge(tx: Tenant, scope: Scope, purpose: Purpose): Promise<string> {
  const [row] = await tx.db
    .delete(webauthnChallenges)
    .where(
      tx.where(
        webauthnChallenges,
        eq(webauthnChallenges.sessionId, scope.actor.sessionId),
        eq(webauthnChallenges.purpose, purpose),
        gt(webauthnChallenges.expiresAt, scope.now),
      ),
    )
    .returning({ challenge: webauthnChallenges.challenge });
  if (!row) throw new AppError("PASSKEY_REFUSED", "no live challenge");
  return row.challenge;
}

async function passkeysOf(tenant: Tenant, personId: string) {
  return tenant.select(
    secondFactors,
    {
      id: secondFactors.id,
      credentialId: secondFactors.credentialId,
      publicKey: secondFactors.publicKey,
      signCount: secondFactors.signCount,
      transports: secondFactors.transports,
    },
    and(eq(secondFactors.personId, personId), eq(secondFactors.kind, "passkey")),
  );
}

type Transports = NonNullable<RegistrationResponseJSON["response"]["transports"]>;

/** What the browser needs to make a new passkey for the signed-in person. */
export async function passkeyRegistrationOptions(scope: Scope, rp: RelyingParty) {
  const { tenant, actor } = scope;
  const existing = await passkeysOf(tenant, actor.personId);
  const options = await generateRegistrationOptions({
    rpName: "Beklijf",
    rpID: rp.id,
    userName: actor.email,
    userDisplayName: actor.name,
    userID: new TextEncoder().encode(actor.personId),
    attestationType: "none",
    // The same authenticator twice would be one passkey under two names.
    excludeCredentials: existing.map((key) => ({
      id: key.credentialId!,
      transports: (key.transports ?? undefined) as Transports | undefined,
    })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await keepChallenge(scope, "register", options.challenge);
  return options;
}

/** Checks a new passkey against the session's challenge; what to store of it. */
export async function verifyNewPasskey(tx: Tenant, scope: Scope, answer: unknown, rp: RelyingParty) {
  const expectedChallenge = await takeChallenge(tx, scope, "register");
  const verification = await verifyRegistrationResponse({
    response: answer as RegistrationResponseJSON,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) throw new AppError("PASSKEY_REFUSED", "registration not verified");
  const { credential } = verification.registrationInfo;
  return {
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString("base64url"),
    signCount: credential.counter,
    transports: credential.transports ?? null,
  };
}

/** What the browser needs to sign in with one of the person's passkeys. */
export async function passkeyAuthenticationOptions(scope: Scope, rp: RelyingParty) {
  const keys = await passkeysOf(scope.tenant, scope.actor.personId);
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: keys.map((key) => ({
      id: key.credentialId!,
      transports: (key.transports ?? undefined) as Transports | undefined,
    })),
    userVerification: "preferred",
  });
  await keepChallenge(scope, "authenticate", options.challenge);
  return options;
}

/** Checks a passkey answer of the signed-in person; moves its counter on. The factor's id. */
export async function verifyPasskeyAnswer(
  tx: Tenant,
  scope: Scope,
  answer: { id: string },
  rp: RelyingParty,
): Promise<string> {
  const expectedChallenge = await takeChallenge(tx, scope, "authenticate");
  const key = (await passkeysOf(tx, scope.actor.personId)).find((k) => k.credentialId === answer.id);
  if (!key) throw new AppError("PASSKEY_REFUSED", "unknown credential");
  const verification = await verifyAuthenticationResponse({
    response: answer as AuthenticationResponseJSON,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: key.credentialId!,
      publicKey: Buffer.from(key.publicKey!, "base64url"),
      counter: key.signCount,
    },
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) throw new AppError("PASSKEY_REFUSED", "assertion not verified");
  await tx.db
    .update(secondFactors)
    .set({ signCount: verification.authenticationInfo.newCounter, lastUsedAt: scope.now })
    .where(tx.where(secondFactors, eq(secondFactors.id, key.id)));
  return key.id;
}
