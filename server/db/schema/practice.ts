import { boolean, index, integer, jsonb, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { QuestionUse } from "../../../common/schemas/questions.ts";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference, tenantReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";
import { questions } from "./questions.ts";
import { cohorts } from "./trajectories.ts";

/** One question for one learner in one cohort, with its FSRS memory state. */
export const practiceCards = tenantTable(
  "practice_cards",
  {
    personId: uuid("person_id").notNull(),
    cohortId: uuid("cohort_id").notNull(),
    questionId: uuid("question_id").notNull(),
    due: instant("due").notNull(),
    /** ts-fsrs's Card, dates as ISO strings. */
    fsrs: jsonb("fsrs").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAtColumn().defaultNow(),
  },
  (t) => [
    uniqueIndex("practice_cards_question_uq").on(t.organisationId, t.personId, t.cohortId, t.questionId),
    index("practice_cards_due_idx").on(t.organisationId, t.personId, t.due),
    personReference(t),
    tenantReference(t, t.cohortId, cohorts).onDelete("cascade"),
    tenantReference(t, t.questionId, questions),
  ],
);

/**
 * Every answer a learner gave: practice and tests. `clientId` makes a resend (double tap, a retry
 * after a lost connection) count once; `answeredAt` is when the learner answered, which may be long
 * before it arrived.
 */
export const answers = tenantTable(
  "answers",
  {
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
    answeredAt: instant("answered_at").notNull(),
    receivedAt: instant("received_at").notNull(),
    nextDue: instant("next_due"),
  },
  (t) => [
    uniqueIndex("answers_client_uq").on(t.organisationId, t.personId, t.clientId),
    index("answers_person_competence_idx").on(t.organisationId, t.personId, t.competenceId, t.answeredAt),
    index("answers_question_idx").on(t.organisationId, t.questionId),
    personReference(t),
  ],
);
