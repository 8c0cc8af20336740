import { eq } from "drizzle-orm";
import { slugOf } from "../../../common/slug.ts";
import type { Db } from "../../db/client.ts";
import { organisations, ssoConfigurations, ssoDomains } from "../../db/schema/index.ts";
import { domainOf } from "./claims.ts";

/**
 * The organisation whose switched-on single sign-on answers to `slug` (its name as an address part),
 * for a link on the company's intranet that starts sign-in without typing an address. Two organisations
 * whose names give the same slug answer to neither: a link must never take someone to the wrong one.
 */
export async function organisationBySlug(db: Db, slug: string): Promise<string | null> {
  // Tenant-less on purpose, like the domain lookup: nobody is known yet; only switched-on ones count.
  const rows = await db
    .select({ organisationId: organisations.id, name: organisations.name })
    .from(ssoConfigurations)
    .innerJoin(organisations, eq(organisations.id, ssoConfigurations.organisationId))
    .where(eq(ssoConfigurations.enabled, true));
  const matches = rows.filter((row) => slugOf(row.name) === slug);
  return matches.length === 1 ? matches[0]!.organisationId : null;
}

/**
 * Which ways of signing in apply to an address, judged by its domain only, so the answer is the same
 * for an address that has an account and one that has none.
 */
export async function signInMethodsFor(db: Db, email: string) {
  const [claim] = await db
    .select({ enabled: ssoConfigurations.enabled, requireSso: ssoConfigurations.requireSso })
    .from(ssoDomains)
    .innerJoin(ssoConfigurations, eq(ssoConfigurations.organisationId, ssoDomains.organisationId))
    .where(eq(ssoDomains.domain, domainOf(email)));
  const oidc = claim?.enabled === true;
  return {
    methods: ["password" as const, "email-link" as const, ...(oidc ? (["oidc"] as const) : [])],
    /** The organisation asks its people to use the organisation account (one coordinator excepted). */
    oidcRequired: oidc && claim.requireSso,
  };
}
