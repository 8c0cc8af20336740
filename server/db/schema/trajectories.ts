import { index, integer, jsonb, text, uuid } from "drizzle-orm/pg-core";
import type { Activity, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference, tenantReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/**
 * A trajectory is stored as its JSON document (the same form as export, import and templates), with a
 * version for optimistic locking. Activities removed from the document move to `retiredActivities`,
 * so learner history that points at them keeps its meaning.
 */
export const trajectories = tenantTable(
  "trajectories",
  {
    title: text("title").notNull(),
    document: jsonb("document").$type<TrajectoryDocument>().notNull(),
    retiredActivities: jsonb("retired_activities").$type<Activity[]>().notNull().default([]),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by"),
    updatedBy: uuid("updated_by"),
    createdAt: createdAtColumn().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    /** Archived trajectories are hidden from the list by default and can be restored; never deleted with cohorts. */
    archivedAt: instant("archived_at"),
  },
  (t) => [index("trajectories_updated_idx").on(t.organisationId, t.updatedAt)],
);

/** A run of a trajectory: practice-day dates and participants. Dates are calendar dates (YYYY-MM-DD). */
export const cohorts = tenantTable(
  "cohorts",
  {
    trajectoryId: uuid("trajectory_id").notNull(),
    name: text("name").notNull(),
    sessionDates: jsonb("session_dates").$type<string[]>().notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAtColumn().defaultNow(),
    /** A cancelled cohort stays for history but leaves its learners' Today list and reminders. */
    cancelledAt: instant("cancelled_at"),
  },
  (t) => [tenantReference(t, t.trajectoryId, trajectories).onDelete("cascade")],
);

export const cohortParticipants = tenantTable(
  "cohort_participants",
  {
    cohortId: uuid("cohort_id").notNull(),
    personId: uuid("person_id").notNull(),
  },
  (t) => [
    index("cohort_participants_person_idx").on(t.organisationId, t.personId),
    tenantReference(t, t.cohortId, cohorts).onDelete("cascade"),
    personReference(t),
  ],
  { key: ["cohortId", "personId"], throughParent: true },
);
