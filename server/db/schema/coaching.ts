import { text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference, tenantReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/** A coach offers coaching; only after the learner accepts does the coach see their plans. */
export const coachingRelations = tenantTable(
  "coaching_relations",
  {
    coachId: uuid("coach_id").notNull(),
    coacheeId: uuid("coachee_id").notNull(),
    status: text("status").$type<"invited" | "accepted" | "declined">().notNull(),
    createdAt: createdAtColumn(),
    answeredAt: instant("answered_at"),
  },
  (t) => [
    uniqueIndex("coaching_relations_pair_uq").on(t.organisationId, t.coachId, t.coacheeId),
    personReference(t, t.coacheeId),
  ],
  { throughParent: true },
);

/** A coaching session: when, the notes (the coachee reads them too) and the plan it was about. */
export const coachingSessions = tenantTable(
  "coaching_sessions",
  {
    relationId: uuid("relation_id").notNull(),
    scheduledAt: instant("scheduled_at").notNull(),
    notes: text("notes").notNull().default(""),
    planId: uuid("plan_id"),
    createdAt: createdAtColumn(),
    /** When the coach last corrected the session or its notes. */
    updatedAt: instant("updated_at"),
  },
  (t) => [tenantReference(t, t.relationId, coachingRelations).onDelete("cascade")],
  { throughParent: true },
);
