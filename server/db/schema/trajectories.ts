import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { Activity, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { organisations, persons } from "./organisations.ts";

/**
 * A trajectory is stored as its JSON document (the same form as export, import and templates), with a
 * version for optimistic locking. Activities removed from the document move to `retiredActivities`,
 * so learner history that points at them keeps its meaning.
 */
export const trajectories = pgTable(
  "trajectories",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    title: text("title").notNull(),
    document: jsonb("document").$type<TrajectoryDocument>().notNull(),
    retiredActivities: jsonb("retired_activities").$type<Activity[]>().notNull().default([]),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by"),
    updatedBy: uuid("updated_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("trajectories_updated_idx").on(t.organisationId, t.updatedAt),
  ],
);

/** A run of a trajectory: practice-day dates and participants. Dates are calendar dates (YYYY-MM-DD). */
export const cohorts = pgTable(
  "cohorts",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    trajectoryId: uuid("trajectory_id").notNull(),
    name: text("name").notNull(),
    sessionDates: jsonb("session_dates").$type<string[]>().notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      columns: [t.organisationId, t.trajectoryId],
      foreignColumns: [trajectories.organisationId, trajectories.id],
    }).onDelete("cascade"),
  ],
);

export const cohortParticipants = pgTable(
  "cohort_participants",
  {
    organisationId: uuid("organisation_id").notNull(),
    cohortId: uuid("cohort_id").notNull(),
    personId: uuid("person_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.cohortId, t.personId] }),
    index("cohort_participants_person_idx").on(t.organisationId, t.personId),
    foreignKey({
      columns: [t.organisationId, t.cohortId],
      foreignColumns: [cohorts.organisationId, cohorts.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.organisationId, t.personId],
      foreignColumns: [persons.organisationId, persons.id],
    }).onDelete("cascade"),
  ],
);
