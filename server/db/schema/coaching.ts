import { pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, instant, tenantKeyColumn } from "./columns.ts";
import { personReference, tenantPrimaryKey, tenantReference } from "./tenant-keys.ts";

/** A coach offers coaching; only after the learner accepts does the coach see their plans. */
export const coachingRelations = pgTable(
  "coaching_relations",
  {
    organisationId: tenantKeyColumn(),
    id: idColumn(),
    coachId: uuid("coach_id").notNull(),
    coacheeId: uuid("coachee_id").notNull(),
    status: text("status").$type<"invited" | "accepted" | "declined">().notNull(),
    createdAt: createdAtColumn(),
    answeredAt: instant("answered_at"),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex("coaching_relations_pair_uq").on(t.organisationId, t.coachId, t.coacheeId),
    personReference(t, t.coacheeId),
  ],
);

/** A coaching session: when, the notes (the coachee reads them too) and the plan it was about. */
export const coachingSessions = pgTable(
  "coaching_sessions",
  {
    organisationId: tenantKeyColumn(),
    id: idColumn(),
    relationId: uuid("relation_id").notNull(),
    scheduledAt: instant("scheduled_at").notNull(),
    notes: text("notes").notNull().default(""),
    planId: uuid("plan_id"),
    createdAt: createdAtColumn(),
    /** When the coach last corrected the session or its notes. */
    updatedAt: instant("updated_at"),
  },
  (t) => [tenantPrimaryKey(t), tenantReference(t, t.relationId, coachingRelations).onDelete("cascade")],
);
