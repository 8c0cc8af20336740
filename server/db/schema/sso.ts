import { boolean, jsonb, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, instant } from "./columns.ts";
import { personReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";

/** What the last test sign-in found (shown to the coordinator in plain words). */
export interface SsoTestResult {
  outcome: "ok" | "failed";
  /** A failure's kind (`unreachable`, `provider-refused`, `token-invalid`, …) or the match a success found. */
  code: string;
  /** The provider's own words (`error` and `error_description`), cut short; never a token. */
  detail?: string | null;
  /** The address the provider vouched for, on success. */
  email?: string | null;
}

/**
 * An organisation's OpenID Connect sign-in (decision 0023): one per organisation. The client secret is
 * sealed (`server/crypto/secrets.ts`) and never leaves the server again. `enabled` can only be set after
 * a successful test of the current connection; changing the connection clears the test and switches it off.
 */
export const ssoConfigurations = tenantTable(
  "sso_configurations",
  {
    /** The issuer identifier or its discovery document's address. */
    issuerUrl: text("issuer_url").notNull(),
    clientId: text("client_id").notNull(),
    clientSecretSealed: text("client_secret_sealed").notNull(),
    allowedDomains: text("allowed_domains").array().notNull(),
    /** An unknown person with a verified address in an allowed domain is created as a learner. */
    allowJustInTime: boolean("allow_just_in_time").notNull().default(false),
    /** Password sign-in is refused for everyone but the break-glass coordinator. */
    requireSso: boolean("require_sso").notNull().default(false),
    breakGlassPersonId: uuid("break_glass_person_id"),
    enabled: boolean("enabled").notNull().default(false),
    testedAt: instant("tested_at"),
    testResult: jsonb("test_result").$type<SsoTestResult>(),
    createdAt: createdAtColumn().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sso_configurations_org_idx").on(t.organisationId)],
);

/**
 * The email domains an organisation's sign-in answers for. A domain belongs to one organisation on an
 * installation (the unique index): the sign-in page finds the organisation from the address, so two
 * organisations claiming one domain would let one send the other's people to its own provider.
 */
export const ssoDomains = tenantTable(
  "sso_domains",
  { domain: text("domain").notNull() },
  (t) => [uniqueIndex("sso_domains_domain_idx").on(t.domain)],
  { key: ["domain"] },
);

/**
 * A person's account at an identity provider: issuer and subject, linked at the first sign-in, so a
 * later change of address at the provider keeps the person (and their history).
 */
export const ssoIdentities = tenantTable(
  "sso_identities",
  {
    personId: uuid("person_id").notNull(),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    createdAt: createdAtColumn().defaultNow(),
    lastUsedAt: instant("last_used_at"),
  },
  (t) => [
    uniqueIndex("sso_identities_subject_idx").on(t.organisationId, t.issuer, t.subject),
    uniqueIndex("sso_identities_person_idx").on(t.organisationId, t.personId, t.issuer),
    personReference(t),
  ],
  { throughParent: true },
);
