import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
