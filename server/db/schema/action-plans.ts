import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import type { ApplicationOutcome } from "../../../common/schemas/action-plans.ts";
import { createdAtColumn, idColumn, instant, organisationIdColumn, tenantKeyColumn } from "./columns.ts";
import { personReference, tenantPrimaryKey, tenantReference } from "./tenant-keys.ts";

/** A learner's if-then plan: "When <situation>, I will <action>", with the first moment they expect it. */
export const actionPlans = pgTable(
  "action_plans",
  {
    organisationId: organisationIdColumn(),
    id: idColumn(),
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
  (t) => [
    tenantPrimaryKey(t),
    index("action_plans_person_idx").on(t.organisationId, t.personId),
    personReference(t),
  ],
);

/** One time the situation came: what happened and how it went, or that the learner did not act. */
export const planApplications = pgTable(
  "plan_applications",
  {
    organisationId: tenantKeyColumn(),
    id: idColumn(),
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
    tenantPrimaryKey(t),
    index("plan_applications_plan_idx").on(t.organisationId, t.planId),
    tenantReference(t, t.planId, actionPlans).onDelete("cascade"),
  ],
);

/** A manager saw the application happen: the second source that makes it evidence of transfer. */
export const applicationConfirmations = pgTable(
  "application_confirmations",
  {
    organisationId: tenantKeyColumn(),
    applicationId: uuid("application_id").notNull(),
    confirmedBy: uuid("confirmed_by").notNull(),
    confirmedAt: instant("confirmed_at").notNull(),
  },
  (t) => [
    tenantPrimaryKey(t, t.applicationId, t.confirmedBy),
    tenantReference(t, t.applicationId, planApplications).onDelete("cascade"),
  ],
);
