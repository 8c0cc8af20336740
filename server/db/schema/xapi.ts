import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { instant, organisationIdColumn } from "./columns.ts";
import { personReference, tenantPrimaryKey } from "./tenant-keys.ts";

/**
 * Beklijf's own learning record store: every learner action as an xAPI statement (ADL verbs). The
 * actor is an account id, never an email address, so the store holds no more personal data than needed.
 */
export const xapiStatements = pgTable(
  "xapi_statements",
  {
    organisationId: organisationIdColumn(),
    id: uuid("id").notNull(),
    personId: uuid("person_id").notNull(),
    verb: text("verb").notNull(),
    objectId: text("object_id").notNull(),
    statement: jsonb("statement").$type<Record<string, unknown>>().notNull(),
    timestamp: instant("timestamp").notNull(),
    stored: instant("stored").notNull(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index("xapi_statements_person_idx").on(t.organisationId, t.personId, t.stored),
    personReference(t),
  ],
);
