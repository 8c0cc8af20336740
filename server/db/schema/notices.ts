import { index, jsonb, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { NoticeKind } from "../../../common/schemas/notices.ts";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/**
 * Something that happened for a person (a confirmation, a badge, an answer), shown in their notice list.
 * The kind and its parameters are stored, not a sentence, so the text follows the reader's language at
 * read time. `dedupeKey` names the event (`application-confirmed:<id>`): a repeated or concurrent event
 * finds its notice already there and makes no second one (nor a second email).
 */
export const notices = tenantTable(
  "notices",
  {
    personId: uuid("person_id").notNull(),
    kind: text("kind").$type<NoticeKind>().notNull(),
    params: jsonb("params").$type<Record<string, string>>().notNull(),
    href: text("href").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: createdAtColumn(),
    readAt: instant("read_at"),
  },
  (t) => [
    uniqueIndex("notices_dedupe_uq").on(t.organisationId, t.personId, t.dedupeKey),
    index("notices_person_idx").on(t.organisationId, t.personId, t.createdAt),
    personReference(t),
  ],
  { throughParent: true },
);
