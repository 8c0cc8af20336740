import { date, index, jsonb, text, uuid } from "drizzle-orm/pg-core";
import type { ApplicationOutcome, PulseRating } from "../../../common/schemas/action-plans.ts";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference, tenantReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/** A learner's if-then plan: "When <situation>, I will <action>", with the first moment they expect it. */
export const actionPlans = tenantTable(
  "action_plans",
  {
    personId: uuid("person_id").notNull(),
    cohortId: uuid("cohort_id"),
    competenceId: text("competence_id"),
    situation: text("situation").notNull(),
    action: text("action").notNull(),
    firstMoment: instant("first_moment").notNull(),
    /** Practice questions about the same situation: they come up for practice just before the moment. */
    questionIds: jsonb("question_ids").$type<string[]>().notNull().default([]),
    createdAt: createdAtColumn(),
    /** Set when the learner archives the plan: hidden by default, no reminders, restorable. */
    archivedAt: instant("archived_at"),
  },
  (t) => [index("action_plans_person_idx").on(t.organisationId, t.personId), personReference(t)],
);

/** One time the situation came: what happened and how it went, or that the learner did not act. */
export const planApplications = tenantTable(
  "plan_applications",
  {
    planId: uuid("plan_id").notNull(),
    personId: uuid("person_id").notNull(),
    occurredAt: instant("occurred_at").notNull(),
    whatHappened: text("what_happened").notNull(),
    outcome: text("outcome").$type<ApplicationOutcome>().notNull(),
    createdAt: createdAtColumn(),
    /** When the learner last corrected the entry (possible until a manager confirmed it). */
    updatedAt: instant("updated_at"),
  },
  (t) => [
    index("plan_applications_plan_idx").on(t.organisationId, t.planId),
    tenantReference(t, t.planId, actionPlans).onDelete("cascade"),
  ],
  { throughParent: true },
);

/** A manager saw the application happen: the second source that makes it evidence of transfer. */
export const applicationConfirmations = tenantTable(
  "application_confirmations",
  {
    applicationId: uuid("application_id").notNull(),
    confirmedBy: uuid("confirmed_by").notNull(),
    confirmedAt: instant("confirmed_at").notNull(),
  },
  (t) => [tenantReference(t, t.applicationId, planApplications).onDelete("cascade")],
  { key: ["applicationId", "confirmedBy"], throughParent: true },
);

/**
 * The weekly pulse: once a week the learner says in one tap whether she did what a plan says ("did it",
 * "tried", "not yet"). One row per plan and week (the Monday of the learner's week): a second tap in
 * the same week changes the rating instead of adding one.
 */
export const planPulses = tenantTable(
  "plan_pulses",
  {
    planId: uuid("plan_id").notNull(),
    personId: uuid("person_id").notNull(),
    /** The Monday that starts the week, in the learner's time zone (YYYY-MM-DD). */
    week: date("week", { mode: "string" }).notNull(),
    rating: text("rating").$type<PulseRating>().notNull(),
    /** When the learner last tapped: the first answer or a correction later that week. */
    answeredAt: instant("answered_at").notNull(),
  },
  (t) => [
    index("plan_pulses_person_idx").on(t.organisationId, t.personId, t.week),
    tenantReference(t, t.planId, actionPlans).onDelete("cascade"),
  ],
  { key: ["planId", "week"], throughParent: true },
);
