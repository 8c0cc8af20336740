import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/**
 * Installation-wide secrets (not tenant data): the key that signs one-click email links. Made on first
 * use and kept in the database, so every process of one installation signs and checks with the same key.
 */
export const installationSecrets = pgTable("installation_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAtColumn().defaultNow(),
});

/**
 * One row per digest link that has been used: a link acts once. The key is the SHA-256 of the signed
 * token, so a second click (or a replay) finds the row and records nothing again.
 */
export const digestLinkUses = tenantTable(
  "digest_link_uses",
  {
    linkHash: text("link_hash").notNull(),
    managerId: uuid("manager_id").notNull(),
    usedAt: instant("used_at").notNull(),
  },
  (t) => [personReference(t, t.managerId)],
  { key: ["linkHash"], throughParent: true },
);
