import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference, tenantReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";
import { organisations } from "./organisations.ts";
import { trajectories } from "./trajectories.ts";

/** The organisation's Ed25519 signing key for Open Badges: one per organisation, made on first award. */
export const issuerKeys = pgTable("issuer_keys", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  publicKeyMultibase: text("public_key_multibase").notNull(),
  secretKeyMultibase: text("secret_key_multibase").notNull(),
  createdAt: createdAtColumn(),
});

/** A competence badge a designer defines, with the evidence rule that earns it. */
export const achievements = tenantTable(
  "achievements",
  {
    trajectoryId: uuid("trajectory_id").notNull(),
    competenceId: text("competence_id").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    criteria: text("criteria").notNull(),
    /** The competence proof must be passed (at least 70% right). */
    requiresProof: boolean("requires_proof").notNull(),
    /** How many applications of a plan for this competence a manager must have confirmed. */
    minConfirmedApplications: integer("min_confirmed_applications").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("achievements_trajectory_idx").on(t.organisationId, t.trajectoryId),
    tenantReference(t, t.trajectoryId, trajectories).onDelete("cascade"),
  ],
);

/** A badge awarded to a learner, with its signed Open Badges 3.0 credential. */
export const badgeAwards = tenantTable(
  "badge_awards",
  {
    achievementId: uuid("achievement_id").notNull(),
    personId: uuid("person_id").notNull(),
    awardedAt: instant("awarded_at").notNull(),
    credential: jsonb("credential").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    uniqueIndex("badge_awards_once_uq").on(t.organisationId, t.achievementId, t.personId),
    tenantReference(t, t.achievementId, achievements).onDelete("cascade"),
    personReference(t),
  ],
  { throughParent: true },
);
