import { index, text, uuid } from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";
import { personReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/** A manager's check-in with a learner, from the team screen or a one-click digest link. */
export const checkIns = tenantTable(
  "check_ins",
  {
    managerId: uuid("manager_id").notNull(),
    personId: uuid("person_id").notNull(),
    cohortId: uuid("cohort_id"),
    kind: text("kind").$type<"before" | "after" | "talked">().notNull(),
    agreements: text("agreements").notNull().default(""),
    source: text("source").$type<"screen" | "email-link">().notNull(),
    at: instant("at").notNull(),
    /** When the manager who recorded it last corrected it. */
    updatedAt: instant("updated_at"),
  },
  (t) => [index("check_ins_person_idx").on(t.organisationId, t.personId), personReference(t)],
  { throughParent: true },
);
