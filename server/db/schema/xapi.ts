import { index, jsonb, text, uuid } from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";
import { personReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/**
 * Beklijf's own learning record store: every learner action as an xAPI statement (ADL verbs). The
 * actor is an account id, never an email address, so the store holds no more personal data than needed.
 */
export const xapiStatements = tenantTable(
  "xapi_statements",
  {
    /** The statement's own id, given by whoever made it (xAPI), so no default. */
    id: uuid("id").notNull(),
    personId: uuid("person_id").notNull(),
    verb: text("verb").notNull(),
    objectId: text("object_id").notNull(),
    statement: jsonb("statement").$type<Record<string, unknown>>().notNull(),
    timestamp: instant("timestamp").notNull(),
    stored: instant("stored").notNull(),
  },
  (t) => [index("xapi_statements_person_idx").on(t.organisationId, t.personId, t.stored), personReference(t)],
  { key: ["id"] },
);
