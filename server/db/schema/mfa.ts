import { sql } from "drizzle-orm";
import { boolean, index, integer, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/**
 * A person's second factors (decision 0026): passkeys (WebAuthn credentials: the public key only) and
 * one authenticator app (TOTP; the shared secret sealed with `server/crypto/secrets.ts`, since the
 * server must read it back to check codes). A TOTP row without `confirmedAt` is a setup in progress
 * and counts for nothing until the person has typed one code from the app.
 */
export const secondFactors = tenantTable(
  "second_factors",
  {
    personId: uuid("person_id").notNull(),
    kind: text("kind", { enum: ["passkey", "totp"] }).notNull(),
    /** The person's own name for it ("Work phone"), so they know which one to remove. */
    label: text("label").notNull(),
    /** Passkey: the credential id (base64url) the browser names when signing in. */
    credentialId: text("credential_id"),
    /** Passkey: the COSE public key (base64url). */
    publicKey: text("public_key"),
    /** Passkey: the authenticator's signature counter, to notice a cloned authenticator. */
    signCount: integer("sign_count").notNull().default(0),
    transports: text("transports").array(),
    /** TOTP: the sealed base32 secret. */
    totpSecretSealed: text("totp_secret_sealed"),
    /** TOTP: the last 30-second step a code was accepted for: a code is never accepted twice. */
    totpLastStep: integer("totp_last_step"),
    confirmedAt: instant("confirmed_at"),
    createdAt: createdAtColumn().defaultNow(),
    lastUsedAt: instant("last_used_at"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("second_factors_person_idx").on(t.organisationId, t.personId),
    uniqueIndex("second_factors_credential_idx").on(t.organisationId, t.credentialId),
    // One authenticator app per person: a second setup replaces an unconfirmed one, never adds.
    uniqueIndex("second_factors_one_totp_idx")
      .on(t.organisationId, t.personId)
      .where(sql`kind = 'totp'`),
    personReference(t),
  ],
  { throughParent: true },
);

/** Single-use recovery codes for a lost factor: SHA-256 of 80-bit codes, shown once, spent once. */
export const recoveryCodes = tenantTable(
  "second_factor_recovery_codes",
  {
    personId: uuid("person_id").notNull(),
    codeHash: text("code_hash").notNull(),
    usedAt: instant("used_at"),
    createdAt: createdAtColumn().defaultNow(),
  },
  (t) => [
    uniqueIndex("second_factor_recovery_codes_hash_idx").on(t.organisationId, t.personId, t.codeHash),
    personReference(t),
  ],
  { throughParent: true },
);

/**
 * Browsers where a person ticked "remember this device" after a second factor: the cookie's token is
 * stored hashed, and the row expires (30 days), is listed in the profile and can be forgotten.
 */
export const rememberedDevices = tenantTable(
  "remembered_devices",
  {
    personId: uuid("person_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    userAgent: text("user_agent"),
    createdAt: createdAtColumn().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [
    uniqueIndex("remembered_devices_token_idx").on(t.tokenHash),
    index("remembered_devices_person_idx").on(t.organisationId, t.personId),
    personReference(t),
  ],
  { throughParent: true },
);

/** The WebAuthn challenge a session is answering (one per session and purpose, replaced when asked again). */
export const webauthnChallenges = tenantTable(
  "webauthn_challenges",
  {
    personId: uuid("person_id").notNull(),
    sessionId: uuid("session_id").notNull(),
    purpose: text("purpose", { enum: ["register", "authenticate"] }).notNull(),
    challenge: text("challenge").notNull(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [
    uniqueIndex("webauthn_challenges_session_idx").on(t.organisationId, t.sessionId, t.purpose),
    personReference(t),
  ],
  { throughParent: true },
);

/** Whether the organisation requires a second factor of its coordinators and designers (one row at most). */
export const secondFactorPolicies = tenantTable(
  "second_factor_policies",
  {
    requiredForStaff: boolean("required_for_staff").notNull().default(false),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("second_factor_policies_org_idx").on(t.organisationId)],
);
