import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { persons } from "./organisations.ts";

/** Signed-in sessions. Only a SHA-256 of the cookie token is stored, so a database leak signs nobody in. */
export const sessions = pgTable(
  "sessions",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    personId: uuid("person_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The absolute end, whatever the activity; the idle limit is checked against `lastSeenAt`. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Slides with use, written at most once a minute so reads stay cheap. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** The browser's User-Agent at sign-in (cut to 300 characters), so the person recognises the device. */
    userAgent: text("user_agent"),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex("sessions_token_hash_idx").on(t.tokenHash),
    index("sessions_person_idx").on(t.organisationId, t.personId),
    foreignKey({
      columns: [t.organisationId, t.personId],
      foreignColumns: [persons.organisationId, persons.id],
    }).onDelete("cascade"),
  ],
);

/** Invitation and password-reset links: single use, expiring, stored hashed. */
export const oneTimeTokens = pgTable(
  "one_time_tokens",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    personId: uuid("person_id").notNull(),
    purpose: text("purpose", { enum: ["invitation", "password-reset"] }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex("one_time_tokens_hash_idx").on(t.tokenHash),
    index("one_time_tokens_person_idx").on(t.organisationId, t.personId),
    foreignKey({
      columns: [t.organisationId, t.personId],
      foreignColumns: [persons.organisationId, persons.id],
    }).onDelete("cascade"),
  ],
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
  requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
});
