import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { InterviewNotes, SurveyAnswers, SurveyMoment } from "../../../common/schemas/impact.ts";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference, tenantReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";
import { cohorts, trajectories } from "./trajectories.ts";

/**
 * Who was present on a practice day (LTEM tier 1), recorded by the coordinator or trainer: one row per
 * person and day. `present` stays the one fact tier 1 and the certificates read; `excused` tells an
 * announced absence from an unannounced one (only set when not present).
 */
export const attendance = tenantTable(
  "attendance",
  {
    cohortId: uuid("cohort_id").notNull(),
    personId: uuid("person_id").notNull(),
    sessionDate: date("session_date").notNull(),
    present: boolean("present").notNull(),
    excused: boolean("excused").notNull().default(false),
    /** A short remark by whoever took the register ("left at noon"); null when none. */
    note: text("note"),
    recordedBy: uuid("recorded_by"),
    recordedAt: instant("recorded_at").notNull(),
  },
  (t) => [tenantReference(t, t.cohortId, cohorts).onDelete("cascade"), personReference(t)],
  { key: ["cohortId", "personId", "sessionDate"] },
);

/** A learner's answers to a performance-focused survey (LTEM tier 3): one per survey activity. */
export const surveyResponses = tenantTable(
  "survey_responses",
  {
    cohortId: uuid("cohort_id").notNull(),
    personId: uuid("person_id").notNull(),
    activityId: text("activity_id").notNull(),
    moment: text("moment").$type<SurveyMoment>().notNull(),
    answers: jsonb("answers").$type<SurveyAnswers>().notNull(),
    submittedAt: instant("submitted_at").notNull(),
  },
  (t) => [
    uniqueIndex("survey_responses_once_uq").on(t.organisationId, t.personId, t.cohortId, t.activityId),
    tenantReference(t, t.cohortId, cohorts).onDelete("cascade"),
    personReference(t),
  ],
);

/**
 * What counts as an acceptable answer, per survey question and trajectory, decided before the data
 * are read: once a response exists the standards are locked.
 */
export const surveyStandards = tenantTable(
  "survey_standards",
  {
    trajectoryId: uuid("trajectory_id").notNull(),
    question: text("question").notNull(),
    acceptableFrom: integer("acceptable_from").notNull(),
    targetPercent: integer("target_percent").notNull(),
    setBy: uuid("set_by"),
    setAt: instant("set_at").notNull(),
  },
  (t) => [tenantReference(t, t.trajectoryId, trajectories).onDelete("cascade")],
  { key: ["trajectoryId", "question"] },
);

/** An organisation figure before and after a trajectory (LTEM tier 8), such as complaints per month. */
export const impactKpis = tenantTable(
  "impact_kpis",
  {
    trajectoryId: uuid("trajectory_id").notNull(),
    name: text("name").notNull(),
    unit: text("unit").notNull(),
    better: text("better").$type<"lower" | "higher">().notNull(),
    beforeValue: doublePrecision("before_value").notNull(),
    beforePeriod: text("before_period").notNull(),
    afterValue: doublePrecision("after_value"),
    afterPeriod: text("after_period"),
    source: text("source").notNull().default(""),
    createdBy: uuid("created_by"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("impact_kpis_trajectory_idx").on(t.organisationId, t.trajectoryId),
    tenantReference(t, t.trajectoryId, trajectories).onDelete("cascade"),
  ],
);

/** A short structured interview with a most or least successful learner (Success Case Method). */
export const successCaseInterviews = tenantTable(
  "success_case_interviews",
  {
    trajectoryId: uuid("trajectory_id").notNull(),
    personId: uuid("person_id").notNull(),
    interviewerId: uuid("interviewer_id"),
    kind: text("kind").$type<"success" | "non-success">().notNull(),
    notes: jsonb("notes").$type<InterviewNotes>().notNull(),
    evidenceChecked: boolean("evidence_checked").notNull().default(false),
    createdAt: createdAtColumn(),
    /** Last correction of the notes; null while unchanged since they were written. */
    updatedAt: instant("updated_at"),
    /** Marked final by the interviewer: from then on the notes are a record and no longer change. */
    finalAt: instant("final_at"),
  },
  (t) => [
    index("success_case_interviews_trajectory_idx").on(t.organisationId, t.trajectoryId),
    tenantReference(t, t.trajectoryId, trajectories).onDelete("cascade"),
    personReference(t),
  ],
);

/**
 * The assessor's comment on a learner's competence proof; the scores per competence are the learner's
 * measures (kind "competence-proof"), which tier 6 and the badges read.
 */
export const assessments = tenantTable(
  "assessments",
  {
    cohortId: uuid("cohort_id").notNull(),
    personId: uuid("person_id").notNull(),
    activityId: text("activity_id").notNull(),
    comment: text("comment").notNull().default(""),
    assessedBy: uuid("assessed_by"),
    assessedAt: instant("assessed_at").notNull(),
  },
  (t) => [tenantReference(t, t.cohortId, cohorts).onDelete("cascade"), personReference(t)],
  { key: ["cohortId", "personId", "activityId"] },
);

/** People named as assessor for a cohort's competence proofs, besides its designers and coordinators. */
export const cohortAssessors = tenantTable(
  "cohort_assessors",
  {
    cohortId: uuid("cohort_id").notNull(),
    personId: uuid("person_id").notNull(),
    namedBy: uuid("named_by"),
    namedAt: instant("named_at").notNull(),
  },
  (t) => [tenantReference(t, t.cohortId, cohorts).onDelete("cascade"), personReference(t)],
  { key: ["cohortId", "personId"] },
);
