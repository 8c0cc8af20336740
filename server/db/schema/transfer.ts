import {
  customType,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ApplicationOutcome } from "../../../common/schemas/action-plans.ts";
import { organisations, persons } from "./organisations.ts";
import { tenantReference } from "./columns.ts";

/** Raw bytes (a photo or short video), as PostgreSQL's bytea on both PGlite and a server. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/** A learner's if-then plan: "When <situation>, I will <action>", with the first moment they expect it. */
export const actionPlans = pgTable(
  "action_plans",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    personId: uuid("person_id").notNull(),
    cohortId: uuid("cohort_id"),
    competenceId: text("competence_id"),
    situation: text("situation").notNull(),
    action: text("action").notNull(),
    firstMoment: timestamp("first_moment", { withTimezone: true }).notNull(),
    /** Practice questions about the same situation: they come up for practice just before the moment. */
    questionIds: jsonb("question_ids").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("action_plans_person_idx").on(t.organisationId, t.personId),
    tenantReference(t.organisationId, t.personId, persons).onDelete("cascade"),
  ],
);

/** One time the situation came: what happened and how it went, or that the learner did not act. */
export const planApplications = pgTable(
  "plan_applications",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    planId: uuid("plan_id").notNull(),
    personId: uuid("person_id").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    whatHappened: text("what_happened").notNull(),
    outcome: text("outcome").$type<ApplicationOutcome>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("plan_applications_plan_idx").on(t.organisationId, t.planId),
    tenantReference(t.organisationId, t.planId, actionPlans).onDelete("cascade"),
  ],
);

/** A manager saw the application happen: the second source that makes it evidence of transfer. */
export const applicationConfirmations = pgTable(
  "application_confirmations",
  {
    organisationId: uuid("organisation_id").notNull(),
    applicationId: uuid("application_id").notNull(),
    confirmedBy: uuid("confirmed_by").notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.applicationId, t.confirmedBy] }),
    tenantReference(t.organisationId, t.applicationId, planApplications).onDelete("cascade"),
  ],
);

/** A manager's check-in with a learner, from the team screen or a one-click digest link. */
export const checkIns = pgTable(
  "check_ins",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    managerId: uuid("manager_id").notNull(),
    personId: uuid("person_id").notNull(),
    cohortId: uuid("cohort_id"),
    kind: text("kind").$type<"before" | "after" | "talked">().notNull(),
    agreements: text("agreements").notNull().default(""),
    source: text("source").$type<"screen" | "email-link">().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("check_ins_person_idx").on(t.organisationId, t.personId),
    tenantReference(t.organisationId, t.personId, persons).onDelete("cascade"),
  ],
);

/**
 * Installation-wide secrets (not tenant data): the key that signs one-click email links. Made on first
 * use and kept in the database, so every process of one installation signs and checks with the same key.
 */
export const installationSecrets = pgTable("installation_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per digest link that has been used: a link acts once. The key is the SHA-256 of the signed
 * token, so a second click (or a replay) finds the row and records nothing again.
 */
export const digestLinkUses = pgTable(
  "digest_link_uses",
  {
    organisationId: uuid("organisation_id").notNull(),
    linkHash: text("link_hash").notNull(),
    managerId: uuid("manager_id").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.linkHash] }),
    tenantReference(t.organisationId, t.managerId, persons).onDelete("cascade"),
  ],
);

/** A coach offers coaching; only after the learner accepts does the coach see their plans. */
export const coachingRelations = pgTable(
  "coaching_relations",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    coachId: uuid("coach_id").notNull(),
    coacheeId: uuid("coachee_id").notNull(),
    status: text("status").$type<"invited" | "accepted" | "declined">().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex("coaching_relations_pair_uq").on(t.organisationId, t.coachId, t.coacheeId),
    tenantReference(t.organisationId, t.coacheeId, persons).onDelete("cascade"),
  ],
);

/** A coaching session: when, the notes (the coachee reads them too) and the plan it was about. */
export const coachingSessions = pgTable(
  "coaching_sessions",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    relationId: uuid("relation_id").notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    notes: text("notes").notNull().default(""),
    planId: uuid("plan_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    tenantReference(t.organisationId, t.relationId, coachingRelations).onDelete("cascade"),
  ],
);

/**
 * A learner asks a colleague from the same cohort for feedback on an application or an assignment,
 * optionally with a short photo or video; the colleague answers in a fixed form.
 */
export const feedbackRequests = pgTable(
  "feedback_requests",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    requesterId: uuid("requester_id").notNull(),
    colleagueId: uuid("colleague_id").notNull(),
    cohortId: uuid("cohort_id").notNull(),
    applicationId: uuid("application_id"),
    about: text("about").notNull(),
    attachmentName: text("attachment_name"),
    attachmentType: text("attachment_type"),
    attachment: bytea("attachment"),
    wentWell: text("went_well"),
    tryNext: text("try_next"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("feedback_requests_colleague_idx").on(t.organisationId, t.colleagueId),
    tenantReference(t.organisationId, t.requesterId, persons).onDelete("cascade"),
  ],
);
