import { index, integer, text } from "drizzle-orm/pg-core";
import { createdAtColumn, instant } from "./columns.ts";
import { tenantTable } from "./tenant-tables.ts";

/**
 * The email outbox. A message is written in the same transaction as the change that causes it, so an
 * acknowledged action never loses its email; a job delivers pending rows and retries failures.
 */
export const outboxEmails = tenantTable(
  "outbox_emails",
  {
    toAddress: text("to_address").notNull(),
    locale: text("locale").notNull(),
    template: text("template").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed", "held"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAtColumn().defaultNow(),
    sentAt: instant("sent_at"),
  },
  (t) => [index("outbox_emails_status_idx").on(t.status, t.createdAt)],
);
