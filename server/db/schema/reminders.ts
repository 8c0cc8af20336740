import { boolean, date, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { NudgeFrequency } from "../../../common/schemas/learning.ts";
import { personReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/** How a learner wants to be nudged, a pause (holiday, sick leave) and their private calendar feed. */
export const learnerPreferences = tenantTable(
  "learner_preferences",
  {
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
    /**
     * Notices (a confirmation, a badge, an answer) also come by email. Separate from the nudge frequency:
     * nudges are about open work, notices about something someone did for you.
     */
    noticeEmails: boolean("notice_emails").notNull().default(true),
  },
  (t) => [uniqueIndex("learner_preferences_calendar_uq").on(t.calendarToken), personReference(t)],
  { key: ["personId"] },
);
