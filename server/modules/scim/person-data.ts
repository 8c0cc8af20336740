import { eq } from "drizzle-orm";
import { scimUsers } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";

/** How the organisation's directory knows the person, for their data export (GDPR art. 15). */
export async function collectScimData(tenant: Tenant, personId: string) {
  const rows = await tenant.select(
    scimUsers,
    {
      userName: scimUsers.userName,
      externalId: scimUsers.externalId,
      givenName: scimUsers.givenName,
      familyName: scimUsers.familyName,
      createdAt: scimUsers.createdAt,
      updatedAt: scimUsers.updatedAt,
    },
    eq(scimUsers.personId, personId),
  );
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/**
 * Forgets the directory's names for the person (erasure). The directory may provision the address
 * again later; it then makes a new person, since nothing left points back to the erased one.
 */
export async function eraseScimData(tenant: Tenant, personId: string): Promise<void> {
  await tenant.db.delete(scimUsers).where(tenant.where(scimUsers, eq(scimUsers.personId, personId)));
}
