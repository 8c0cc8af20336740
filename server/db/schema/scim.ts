import { index, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { teams } from "./organisations.ts";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference, tenantReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/**
 * Bearer tokens a directory (Entra ID, Google) provisions with at `/scim/v2/` (decision 0027). The token
 * is 256 random bits shown once; only its SHA-256 is kept (nothing to guess, so no slow hash). The hash is
 * unique across the installation: a request carries only the token, which names the organisation.
 */
export const scimTokens = tenantTable(
  "scim_tokens",
  {
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAtColumn(),
    revokedAt: instant("revoked_at"),
    /** Written at most once a minute, so the coordinator sees the directory is still talking to us. */
    lastUsedAt: instant("last_used_at"),
  },
  (t) => [uniqueIndex("scim_tokens_hash_idx").on(t.tokenHash)],
);

/**
 * A person as the directory knows them: its `userName` (often the sign-in name, which may differ from
 * the mail address) and `externalId` (the directory's own id). One row per person, so a changed address
 * from the directory updates the same person and their history stays theirs.
 */
export const scimUsers = tenantTable(
  "scim_users",
  {
    personId: uuid("person_id").notNull(),
    userName: text("user_name").notNull(),
    /** `userName` lower-cased: SCIM compares user names without regard to case (RFC 7643 §4.1.1). */
    userNameKey: text("user_name_key").notNull(),
    externalId: text("external_id"),
    /** The name parts as the directory sent them; the person's one `name` is made from them. */
    givenName: text("given_name"),
    familyName: text("family_name"),
    createdAt: createdAtColumn(),
    updatedAt: instant("updated_at").notNull(),
    /**
     * The directory deleted the user: the person stays (deactivated, history kept) but is gone for SCIM
     * (404), until the directory provisions the same address again.
     */
    deletedAt: instant("deleted_at"),
  },
  (t) => [
    uniqueIndex("scim_users_user_name_idx").on(t.organisationId, t.userNameKey),
    index("scim_users_external_idx").on(t.organisationId, t.externalId),
    personReference(t),
  ],
  { key: ["personId"], throughParent: true },
);

/** A team the directory manages as a group, with the directory's own id for it. */
export const scimGroups = tenantTable(
  "scim_groups",
  {
    teamId: uuid("team_id").notNull(),
    externalId: text("external_id"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("scim_groups_external_idx").on(t.organisationId, t.externalId),
    tenantReference(t, t.teamId, teams).onDelete("cascade"),
  ],
  { key: ["teamId"], throughParent: true },
);
