import { eq } from "drizzle-orm";
import { ssoIdentities } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";

/** The person's linked provider accounts, for their data export (GDPR art. 15). */
export async function collectSsoIdentities(tenant: Tenant, personId: string) {
  const rows = await tenant.select(
    ssoIdentities,
    { issuer: ssoIdentities.issuer, subject: ssoIdentities.subject, createdAt: ssoIdentities.createdAt },
    eq(ssoIdentities.personId, personId),
  );
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** Forgets the person's links to provider accounts (erasure). */
export async function eraseSsoIdentities(tenant: Tenant, personId: string): Promise<void> {
  await tenant.db
    .delete(ssoIdentities)
    .where(tenant.where(ssoIdentities, eq(ssoIdentities.personId, personId)));
}
