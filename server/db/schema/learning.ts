import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type {
  QuestionKind,
  QuestionLevel,
  QuestionOption,
  QuestionUse,
} from "../../../common/schemas/questions.ts";
import type { NudgeFrequency } from "../../../common/schemas/learning.ts";
import { organisations, persons } from "./organisations.ts";
import { tenantReference } from "./columns.ts";
import { cohorts, trajectories } from "./trajectories.ts";

const organisationId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });

const personForeignKey = (t: { organisationId: AnyPgColumn; personId: AnyPgColumn }) =>
  tenantReference(t.organisationId, t.personId, persons).onDelete("cascade");

/**
 * A question in a trajectory's bank. Deleting one only stamps `deletedAt`: it leaves practice and
 * stops being served, while the answers given to it keep their meaning.
 */
export const questions = pgTable(
  "questions",
  {
    organisationId: organisationId(),
    id: uuid("id").notNull().defaultRandom(),
    trajectoryId: uuid("trajectory_id").notNull(),
    competenceId: text("competence_id").notNull(),
    kind: text("kind").$type<QuestionKind>().notNull(),
    level: text("level").$type<QuestionLevel>().notNull(),
    uses: jsonb("uses").$type<QuestionUse[]>().notNull(),
    situation: text("situation"),
    prompt: text("prompt").notNull(),
    options: jsonb("options").$type<QuestionOption[]>().notNull().default([]),
    modelAnswer: text("model_answer"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("questions_trajectory_idx").on(t.organisationId, t.trajectoryId),
    tenantReference(t.organisationId, t.trajectoryId, trajectories).onDelete("cascade"),
  ],
);

/** What a learner did with an activity of their cohort: done, or (for optional ones) chosen or skipped. */
export const activityProgress = pgTable(
  "activity_progress",
  {
    organisationId: organisationId(),
    personId: uuid("person_id").notNull(),
    cohortId: uuid("cohort_id").notNull(),
    activityId: text("activity_id").notNull(),
    status: text("status").$type<"done" | "chosen" | "skipped">().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.personId, t.cohortId, t.activityId] }),
    personForeignKey(t),
    tenantReference(t.organisationId, t.cohortId, cohorts).onDelete("cascade"),
  ],
);

/** One question for one learner in one cohort, with its FSRS memory state. */
export const practiceCards = pgTable(
  "practice_cards",
  {
    organisationId: organisationId(),
    id: uuid("id").notNull().defaultRandom(),
    personId: uuid("person_id").notNull(),
    cohortId: uuid("cohort_id").notNull(),
    questionId: uuid("question_id").notNull(),
    due: timestamp("due", { withTimezone: true }).notNull(),
    /** ts-fsrs's Card, dates as ISO strings. */
    fsrs: jsonb("fsrs").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex("practice_cards_question_uq").on(t.organisationId, t.personId, t.cohortId, t.questionId),
    index("practice_cards_due_idx").on(t.organisationId, t.personId, t.due),
    personForeignKey(t),
    tenantReference(t.organisationId, t.cohortId, cohorts).onDelete("cascade"),
    tenantReference(t.organisationId, t.questionId, questions),
  ],
);

/**
 * Every answer a learner gave: practice and tests. `clientId` makes a resend (double tap, a retry
 * after a lost connection) count once; `answeredAt` is when the learner answered, which may be long
 * before it arrived.
 */
export const answers = pgTable(
  "answers",
  {
    organisationId: organisationId(),
    id: uuid("id").notNull().defaultRandom(),
    personId: uuid("person_id").notNull(),
    cohortId: uuid("cohort_id").notNull(),
    questionId: uuid("question_id").notNull(),
    competenceId: text("competence_id").notNull(),
    cardId: uuid("card_id"),
    /** `practice`, `insight-test` or `competence-proof`. */
    context: text("context").$type<QuestionUse>().notNull(),
    clientId: text("client_id").notNull(),
    optionId: text("option_id"),
    text: text("text"),
    selfRating: text("self_rating"),
    correct: boolean("correct").notNull(),
    rating: integer("rating"),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    nextDue: timestamp("next_due", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex("answers_client_uq").on(t.organisationId, t.personId, t.clientId),
    index("answers_person_competence_idx").on(t.organisationId, t.personId, t.competenceId, t.answeredAt),
    index("answers_question_idx").on(t.organisationId, t.questionId),
    personForeignKey(t),
  ],
);

/** A score on the kick-off insight test or the final competence proof, per competence: impact data. */
export const measures = pgTable(
  "measures",
  {
    organisationId: organisationId(),
    id: uuid("id").notNull().defaultRandom(),
    personId: uuid("person_id").notNull(),
    cohortId: uuid("cohort_id").notNull(),
    trajectoryId: uuid("trajectory_id").notNull(),
    activityId: text("activity_id").notNull(),
    kind: text("kind").$type<"insight-test" | "competence-proof">().notNull(),
    competenceId: text("competence_id").notNull(),
    correct: integer("correct").notNull(),
    total: integer("total").notNull(),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull(),
    /** Set when an assessor scored the proof (a role play against criteria) rather than a test. */
    assessedBy: uuid("assessed_by"),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex("measures_once_uq").on(
      t.organisationId,
      t.personId,
      t.cohortId,
      t.activityId,
      t.competenceId,
    ),
    index("measures_trajectory_idx").on(t.organisationId, t.trajectoryId, t.kind),
    personForeignKey(t),
  ],
);

/** Extra material and practice opened for a learner who keeps missing one competence's questions. */
export const remediations = pgTable(
  "remediations",
  {
    organisationId: organisationId(),
    personId: uuid("person_id").notNull(),
    cohortId: uuid("cohort_id").notNull(),
    competenceId: text("competence_id").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    materialDoneAt: timestamp("material_done_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.personId, t.cohortId, t.competenceId] }),
    personForeignKey(t),
  ],
);

/** How a learner wants to be nudged, a pause (holiday, sick leave) and their private calendar feed. */
export const learnerPreferences = pgTable(
  "learner_preferences",
  {
    organisationId: organisationId(),
    personId: uuid("person_id").notNull(),
    nudgeFrequency: text("nudge_frequency").$type<NudgeFrequency>().notNull().default("twice-weekly"),
    pausedUntil: date("paused_until"),
    lastNudgedOn: date("last_nudged_on"),
    /** For managers: the Monday of the last weekly digest, so each week sends one. */
    lastDigestOn: date("last_digest_on"),
    /**
     * The feed's secret address. Kept readable (like a calendar app's "secret address") so the learner
     * can copy it again; it only reads dates and titles, and revoking it replaces it at once.
     */
    calendarToken: text("calendar_token"),
    /** The learner agrees to be asked for a short success-case interview about what they applied. */
    interviewConsent: boolean("interview_consent").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.personId] }),
    uniqueIndex("learner_preferences_calendar_uq").on(t.calendarToken),
    personForeignKey(t),
  ],
);

/**
 * Beklijf's own learning record store: every learner action as an xAPI statement (ADL verbs). The
 * actor is an account id, never an email address, so the store holds no more personal data than needed.
 */
export const xapiStatements = pgTable(
  "xapi_statements",
  {
    organisationId: organisationId(),
    id: uuid("id").notNull(),
    personId: uuid("person_id").notNull(),
    verb: text("verb").notNull(),
    objectId: text("object_id").notNull(),
    statement: jsonb("statement").$type<Record<string, unknown>>().notNull(),
    timestamp: timestamp("timestamp", { withTimezone: true }).notNull(),
    stored: timestamp("stored", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("xapi_statements_person_idx").on(t.organisationId, t.personId, t.stored),
    personForeignKey(t),
  ],
);
