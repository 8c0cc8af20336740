import { eq, inArray } from "drizzle-orm";
import { teamMemberships } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";

/** Whether `managerId` manages a team in which `personId` is a (non-manager) member. */
export async function managesPerson(tenant: Tenant, managerId: string, personId: string): Promise<boolean> {
  const managed = tenant.db
    .select({ teamId: teamMemberships.teamId })
    .from(teamMemberships)
    .where(
      tenant.where(
        teamMemberships,
        eq(teamMemberships.personId, managerId),
        eq(teamMemberships.isManager, true),
      ),
    );
  const [row] = await tenant.db
    .select({ personId: teamMemberships.personId })
    .from(teamMemberships)
    .where(
      tenant.where(
        teamMemberships,
        eq(teamMemberships.personId, personId),
        eq(teamMemberships.isManager, false),
        inArray(teamMemberships.teamId, managed),
      ),
    )
    .limit(1);
  return row !== undefined;
}
