import { customType, index, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/** Raw bytes (a photo or short video), as PostgreSQL's bytea on both PGlite and a server. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * A learner asks a colleague from the same cohort for feedback on an application or an assignment,
 * optionally with a short photo or video; the colleague answers in a fixed form.
 */
export const feedbackRequests = tenantTable(
  "feedback_requests",
  {
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
    createdAt: createdAtColumn(),
    answeredAt: instant("answered_at"),
  },
  (t) => [
    index("feedback_requests_colleague_idx").on(t.organisationId, t.colleagueId),
    personReference(t, t.requesterId),
  ],
  { throughParent: true },
);
