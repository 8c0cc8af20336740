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
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex("sessions_token_hash_idx").on(t.tokenHash),
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
