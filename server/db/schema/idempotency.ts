import { index, integer, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn } from "./columns.ts";
import { personReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/**
 * Idempotency keys (IETF httpapi Idempotency-Key): the first answer to a person's write, kept for a day,
 * so the same key replays it instead of writing twice. `statusCode` is null while the first request runs.
 */
export const idempotencyKeys = tenantTable(
  "idempotency_keys",
  {
    personId: uuid("person_id").notNull(),
    key: text("key").notNull(),
    /** A hash of method, route, parameters and body: the same key with another request is refused. */
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code"),
    contentType: text("content_type"),
    body: text("body"),
    createdAt: createdAtColumn(),
  },
  (t) => [index("idempotency_keys_created_idx").on(t.createdAt), personReference(t)],
  { key: ["personId", "key"] },
);
