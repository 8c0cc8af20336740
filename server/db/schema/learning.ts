import { index, integer, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";
import { personReference, tenantReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";
import { cohorts } from "./trajectories.ts";

/** What a learner did with an activity of their cohort: done, or (for optional ones) chosen or skipped. */
export const activityProgress = tenantTable(
  "activity_progress",
  {
    personId: uuid("person_id").notNull(),
    cohortId: uuid("cohort_id").notNull(),
    activityId: text("activity_id").notNull(),
    status: text("status").$type<"done" | "chosen" | "skipped">().notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [personReference(t), tenantReference(t, t.cohortId, cohorts).onDelete("cascade")],
  { key: ["personId", "cohortId", "activityId"] },
);

/** A score on the kick-off insight test or the final competence proof, per competence: impact data. */
export const measures = tenantTable(
  "measures",
  {
    personId: uuid("person_id").notNull(),
    cohortId: uuid("cohort_id").notNull(),
    trajectoryId: uuid("trajectory_id").notNull(),
    activityId: text("activity_id").notNull(),
    kind: text("kind").$type<"insight-test" | "competence-proof">().notNull(),
    competenceId: text("competence_id").notNull(),
    correct: integer("correct").notNull(),
    total: integer("total").notNull(),
    takenAt: instant("taken_at").notNull(),
    /** Set when an assessor scored the proof (a role play against criteria) rather than a test. */
    assessedBy: uuid("assessed_by"),
  },
  (t) => [
    uniqueIndex("measures_once_uq").on(
      t.organisationId,
      t.personId,
      t.cohortId,
      t.activityId,
      t.competenceId,
    ),
    index("measures_trajectory_idx").on(t.organisationId, t.trajectoryId, t.kind),
    personReference(t),
  ],
);

/** Extra material and practice opened for a learner who keeps missing one competence's questions. */
export const remediations = tenantTable(
  "remediations",
  {
    personId: uuid("person_id").notNull(),
    cohortId: uuid("cohort_id").notNull(),
    competenceId: text("competence_id").notNull(),
    startedAt: instant("started_at").notNull(),
    materialDoneAt: instant("material_done_at"),
  },
  (t) => [personReference(t)],
  { key: ["personId", "cohortId", "competenceId"] },
);
