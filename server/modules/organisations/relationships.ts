import { eq, inArray, type SQL, type SQLWrapper } from "drizzle-orm";
import { teamMemberships, teams } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";

// Who manages whom follows from team memberships: a manager of a team manages its (non-manager)
// members. This is the one place those questions are asked. The lists of ids are subqueries, so a
// caller can narrow by them (`inArray(persons.id, managerIdsOf(…))`) or await them as rows.

/** The ids of the teams `personId` manages (`asManager`) or is a member of, as `{ teamId }` rows. */
function teamIdsOf(tenant: Tenant, personId: string, asManager: boolean) {
  return tenant.select(
    teamMemberships,
    { teamId: teamMemberships.teamId },
    eq(teamMemberships.personId, personId),
    eq(teamMemberships.isManager, asManager),
  );
}

/** The managers (`asManager`) or members of the teams `teamIds`, as `{ personId }` rows. */
function peopleIn(tenant: Tenant, teamIds: string[] | SQLWrapper, asManager: boolean, ...conditions: SQL[]) {
  return tenant.select(
    teamMemberships,
    { personId: teamMemberships.personId },
    inArray(teamMemberships.teamId, teamIds),
    eq(teamMemberships.isManager, asManager),
    ...conditions,
  );
}

/** The teams, by name, that `personId` manages (`asManager`) or is a member of. */
export function teamsOf(tenant: Tenant, personId: string, asManager: boolean) {
  return tenant
    .select(
      teams,
      { id: teams.id, name: teams.name },
      inArray(teams.id, teamIdsOf(tenant, personId, asManager)),
    )
    .orderBy(teams.name);
}

/** The members (not the managers) of the teams `teamIds`, as `{ personId }` rows. */
export const membersOf = (tenant: Tenant, teamIds: string[]) => peopleIn(tenant, teamIds, false);

/** The members (not the managers) of the teams `managerId` manages, as `{ personId }` rows. */
export const managedMemberIds = (tenant: Tenant, managerId: string) =>
  peopleIn(tenant, teamIdsOf(tenant, managerId, true), false);

/** The managers of the teams `personId` is a member of, as `{ personId }` rows. */
export const managerIdsOf = (tenant: Tenant, personId: string) =>
  peopleIn(tenant, teamIdsOf(tenant, personId, false), true);

/** Whether `managerId` manages a team in which `personId` is a (non-manager) member. */
export async function managesPerson(tenant: Tenant, managerId: string, personId: string): Promise<boolean> {
  const managed = teamIdsOf(tenant, managerId, true);
  const [row] = await peopleIn(tenant, managed, false, eq(teamMemberships.personId, personId)).limit(1);
  return row !== undefined;
}
