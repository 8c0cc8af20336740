import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/** Signed-in sessions. Only a SHA-256 of the cookie token is stored, so a database leak signs nobody in. */
export const sessions = tenantTable(
  "sessions",
  {
    tokenHash: text("token_hash").notNull(),
    personId: uuid("person_id").notNull(),
    createdAt: createdAtColumn().defaultNow(),
    /** The absolute end, whatever the activity; the idle limit is checked against `lastSeenAt`. */
    expiresAt: instant("expires_at").notNull(),
    /** Slides with use, written at most once a minute so reads stay cheap. */
    lastSeenAt: instant("last_seen_at").notNull().defaultNow(),
    /** The browser's User-Agent at sign-in (cut to 300 characters), so the person recognises the device. */
    userAgent: text("user_agent"),
    /** How the person signed in (shown in their session list); null for sessions from before it was kept. */
    method: text("method", { enum: ["password", "email-link", "sign-in-card", "link", "sso"] }),
    /**
     * A session that still owes a second factor (decision 0026): `verify` (the person has one) or
     * `enrol` (the organisation requires one and they have none yet). Null when nothing is owed.
     */
    secondFactor: text("second_factor", { enum: ["verify", "enrol"] }),
  },
  (t) => [
    uniqueIndex("sessions_token_hash_idx").on(t.tokenHash),
    index("sessions_person_idx").on(t.organisationId, t.personId),
    personReference(t),
  ],
  { throughParent: true },
);

/** Invitation and password-reset links: single use, expiring, stored hashed. */
export const oneTimeTokens = tenantTable(
  "one_time_tokens",
  {
    tokenHash: text("token_hash").notNull(),
    personId: uuid("person_id").notNull(),
    purpose: text("purpose", { enum: ["invitation", "password-reset"] }).notNull(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    createdAt: createdAtColumn().defaultNow(),
  },
  (t) => [
    uniqueIndex("one_time_tokens_hash_idx").on(t.tokenHash),
    index("one_time_tokens_person_idx").on(t.organisationId, t.personId),
    personReference(t),
  ],
  { throughParent: true },
);

/**
 * "Forgot password" requests waiting for the worker. The request itself only stores the address and
 * answers, so an address with an account and one without take the same path and the same time; the
 * worker looks the address up and mails a link if it belongs to someone. Not tenant data: nobody is
 * known yet. Rows are removed as they are handled.
 */
export const passwordResetRequests = pgTable("password_reset_requests", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull(),
  locale: text("locale").notNull(),
  requestedAt: instant("requested_at").notNull(),
});

/**
 * Email sign-in requests (decision 0024). Like reset requests, the request only stores the address and
 * answers, the same for every address; the worker looks it up and mails a link and code. The asking
 * browser holds a pending secret in a cookie, of which only the hash is here: the code in the email
 * works only together with it, and wrong codes are counted here, the same for known and unknown
 * addresses. Not tenant data (nobody is known yet); rows are swept a day after they expire.
 */
export const emailLinkRequests = pgTable(
  "email_link_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pendingHash: text("pending_hash").notNull(),
    email: text("email").notNull(),
    locale: text("locale").notNull(),
    requestedAt: instant("requested_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    /** Set when the worker has handled it (mailed, or found nobody). */
    handledAt: instant("handled_at"),
    codeAttempts: integer("code_attempts").notNull().default(0),
  },
  (t) => [
    uniqueIndex("email_link_requests_pending_idx").on(t.pendingHash),
    index("email_link_requests_email_idx").on(t.email),
  ],
);

/** One-time sign-in links from email: the link token and the six-digit code, both stored hashed. */
export const signInLinks = tenantTable(
  "sign_in_links",
  {
    tokenHash: text("token_hash").notNull(),
    /** Hash of the request id and the code: the code counts only for the request (browser) that asked. */
    codeHash: text("code_hash").notNull(),
    requestId: uuid("request_id").notNull(),
    personId: uuid("person_id").notNull(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    createdAt: createdAtColumn().defaultNow(),
  },
  (t) => [
    uniqueIndex("sign_in_links_hash_idx").on(t.tokenHash),
    index("sign_in_links_request_idx").on(t.requestId),
    index("sign_in_links_person_idx").on(t.organisationId, t.personId),
    personReference(t),
  ],
  { throughParent: true },
);

/**
 * Printed QR sign-in cards for people without company email (decision 0024). The card's token is
 * stored hashed; one live card per person (printing a new one revokes the old), revocable, optionally
 * expiring; uses are counted here and audited.
 */
export const signInCards = tenantTable(
  "sign_in_cards",
  {
    tokenHash: text("token_hash").notNull(),
    personId: uuid("person_id").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAtColumn().defaultNow(),
    expiresAt: instant("expires_at"),
    revokedAt: instant("revoked_at"),
    lastUsedAt: instant("last_used_at"),
    uses: integer("uses").notNull().default(0),
  },
  (t) => [
    uniqueIndex("sign_in_cards_hash_idx").on(t.tokenHash),
    uniqueIndex("sign_in_cards_live_idx")
      .on(t.organisationId, t.personId)
      .where(sql`revoked_at is null`),
    personReference(t),
  ],
  { throughParent: true },
);
