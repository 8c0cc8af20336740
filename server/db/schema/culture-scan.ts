import { boolean, date, index, integer, jsonb, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, instant } from "./columns.ts";
import { tenantReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

export type ScanAnswers = Record<string, string | number>;

/** A learning-culture scan: who is invited (teams, or everyone) and when it is open. */
export const cultureScans = tenantTable(
  "culture_scans",
  {
    title: text("title").notNull(),
    teamIds: jsonb("team_ids").$type<string[]>().notNull().default([]),
    opensOn: date("opens_on").notNull(),
    closesOn: date("closes_on").notNull(),
    closedAt: instant("closed_at"),
    /**
     * The shared link on the printable poster, for staff without company email. Kept readable on purpose:
     * it is printed and hung on a wall, and it only opens an anonymous questionnaire.
     */
    sharedToken: text("shared_token").notNull(),
    /**
     * The organisation's anonymity threshold when the scan opened. Results use the larger of this and the
     * organisation's current threshold: raising it takes effect, lowering it never reaches this scan.
     * Scans from before this column get 5, the default, so an earlier lowering cannot reach them either.
     */
    anonymityThreshold: integer("anonymity_threshold").notNull().default(5),
    /**
     * When the results were first shown after the scan closed. From then on they are final: no late
     * answer can change them, so no two readings differ by one person's answers.
     */
    resultsReleasedAt: instant("results_released_at"),
    createdBy: uuid("created_by"),
    createdAt: createdAtColumn().defaultNow(),
  },
  (t) => [uniqueIndex("culture_scans_shared_token_idx").on(t.sharedToken)],
);

/**
 * A personal link. It knows the person (for the email and reminders) and whether it has been spent,
 * but nothing points from a response back to it: the response is written without any link.
 */
export const scanInvitations = tenantTable(
  "scan_invitations",
  {
    scanId: uuid("scan_id").notNull(),
    personId: uuid("person_id"),
    teamId: uuid("team_id"),
    tokenHash: text("token_hash").notNull(),
    /** The link in the latest reminder; the link in the first email keeps working too. */
    reminderTokenHash: text("reminder_token_hash"),
    /** Answers saved so far, so the questionnaire can be resumed; cleared when submitted. */
    draft: jsonb("draft").$type<ScanAnswers | null>(),
    startedAt: instant("started_at"),
    /** The day the link was used: a date only, so it cannot be matched to a response by time. */
    spentOn: date("spent_on"),
    remindedAt: instant("reminded_at"),
  },
  (t) => [
    uniqueIndex("scan_invitations_token_idx").on(t.tokenHash),
    uniqueIndex("scan_invitations_reminder_token_idx").on(t.reminderTokenHash),
    index("scan_invitations_scan_idx").on(t.organisationId, t.scanId),
    tenantReference(t, t.scanId, cultureScans).onDelete("cascade"),
  ],
  { throughParent: true },
);

/** An anonymous response: the team it counts for, the raw answers and the derived phase. */
export const scanResponses = tenantTable(
  "scan_responses",
  {
    scanId: uuid("scan_id").notNull(),
    /** The invitation's team; null for people without a team and for every shared-link answer. */
    teamId: uuid("team_id"),
    /**
     * Sent through the shared poster link, so not tied to an invitation: anyone can send one. These never
     * count toward any threshold (docs/decisions/0006-culture-scan-anonymity.md).
     */
    viaSharedLink: boolean("via_shared_link").notNull().default(false),
    answers: jsonb("answers").$type<ScanAnswers>().notNull(),
    phase: text("phase").notNull(),
    submittedOn: date("submitted_on").notNull(),
  },
  (t) => [
    index("scan_responses_scan_idx").on(t.organisationId, t.scanId),
    tenantReference(t, t.scanId, cultureScans).onDelete("cascade"),
  ],
  { throughParent: true },
);

/** The organisation's action plan: interventions turned into owned, dated actions. */
export const scanActions = tenantTable(
  "scan_actions",
  {
    scanId: uuid("scan_id").notNull(),
    title: text("title").notNull(),
    interventionId: text("intervention_id"),
    owner: text("owner").notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status", { enum: ["planned", "done"] })
      .notNull()
      .default("planned"),
    createdAt: createdAtColumn().defaultNow(),
  },
  (t) => [tenantReference(t, t.scanId, cultureScans).onDelete("cascade")],
  { throughParent: true },
);
