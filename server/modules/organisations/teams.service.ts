import { asc, eq, inArray } from "drizzle-orm";
import type { TeamBody, TeamPatch, TeamSummary } from "../../../common/schemas/teams.ts";
import { personRoles, persons, teamMemberships, teams } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { authorize } from "./organisations.policy.ts";
import { isUniqueViolation } from "./people.service.ts";
import { recordAudit } from "../../audit.ts";

async function loadTeams(tenant: Tenant, teamId?: string): Promise<TeamSummary[]> {
  const teamRows = await tenant
    .select(teams, { id: teams.id, name: teams.name }, teamId ? eq(teams.id, teamId) : undefined)
    .orderBy(asc(teams.name));
  const memberRows = await tenant.db
    .select({
      teamId: teamMemberships.teamId,
      id: persons.id,
      name: persons.name,
      isManager: teamMemberships.isManager,
    })
    .from(teamMemberships)
    .innerJoin(persons, tenant.refersTo(teamMemberships.personId, persons))
    .where(tenant.where(teamMemberships, teamId ? eq(teamMemberships.teamId, teamId) : undefined))
    .orderBy(asc(persons.name));
  return teamRows.map((team) => {
    const rows = memberRows.filter((m) => m.teamId === team.id);
    return {
      ...team,
      managers: rows.filter((m) => m.isManager).map(({ id, name }) => ({ id, name })),
      members: rows.filter((m) => !m.isManager).map(({ id, name }) => ({ id, name })),
    };
  });
}

export async function findTeams(scope: Scope): Promise<TeamSummary[]> {
  authorize(scope.actor, "people.read");
  return loadTeams(scope.tenant);
}

export async function getTeam(scope: Scope, { teamId }: { teamId: string }): Promise<TeamSummary> {
  authorize(scope.actor, "people.read");
  const [team] = await loadTeams(scope.tenant, teamId);
  if (!team) throw notFound("team");
  return team;
}

async function assertPeopleExist(tenant: Tenant, ids: string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = await tenant.select(persons, { id: persons.id }, inArray(persons.id, ids));
  if (found.length !== new Set(ids).size) {
    throw invalid(field, "unknown_person");
  }
}

/** Replaces a team's managers and members. Managers get the manager role if they lack it. */
async function setTeamPeople(
  tenant: Tenant,
  teamId: string,
  managerIds: string[],
  memberIds: string[],
): Promise<void> {
  const managers = new Set(managerIds);
  const members = [...new Set(memberIds)].filter((id) => !managers.has(id));
  await assertPeopleExist(tenant, [...managers], "managerIds");
  await assertPeopleExist(tenant, members, "memberIds");
  await tenant.db
    .delete(teamMemberships)
    .where(tenant.where(teamMemberships, eq(teamMemberships.teamId, teamId)));
  const rows = [
    ...[...managers].map((personId) => ({ teamId, personId, isManager: true })),
    ...members.map((personId) => ({ teamId, personId, isManager: false })),
  ];
  if (rows.length > 0) await tenant.db.insert(teamMemberships).values(tenant.rows(rows));
  if (managers.size > 0) {
    await tenant.db
      .insert(personRoles)
      .values(tenant.rows([...managers].map((personId) => ({ personId, role: "manager" as const }))))
      .onConflictDoNothing();
  }
}

export async function createTeam(scope: Scope, input: TeamBody): Promise<TeamSummary> {
  const { tenant, actor } = scope;
  authorize(actor, "teams.manage");
  try {
    const id = await tenant.transaction(async (tx) => {
      const [created] = await tx.db
        .insert(teams)
        .values(tx.row({ name: input.name }))
        .returning({ id: teams.id });
      await setTeamPeople(tx, created!.id, input.managerIds, input.memberIds);
      await recordAudit(tx, actor, "team.created", { type: "team", id: created!.id });
      return created!.id;
    });
    return getTeam(scope, { teamId: id });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("TEAM_NAME_TAKEN", "team name taken", { name: input.name });
    throw error;
  }
}

export async function updateTeam(
  scope: Scope,
  { teamId, ...patch }: TeamPatch & { teamId: string },
): Promise<TeamSummary> {
  const { tenant, actor } = scope;
  authorize(actor, "teams.manage");
  const current = await getTeam(scope, { teamId });
  try {
    await tenant.transaction(async (tx) => {
      if (patch.name !== undefined) {
        await tx.db
          .update(teams)
          .set({ name: patch.name })
          .where(tx.where(teams, eq(teams.id, teamId)));
      }
      if (patch.managerIds !== undefined || patch.memberIds !== undefined) {
        await setTeamPeople(
          tx,
          teamId,
          patch.managerIds ?? current.managers.map((m) => m.id),
          patch.memberIds ?? current.members.map((m) => m.id),
        );
      }
      await recordAudit(tx, actor, "team.updated", { type: "team", id: teamId });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("TEAM_NAME_TAKEN", "team name taken", { name: patch.name ?? "" });
    throw error;
  }
  return getTeam(scope, { teamId });
}

export async function deleteTeam(scope: Scope, { teamId }: { teamId: string }): Promise<void> {
  const { tenant, actor } = scope;
  authorize(actor, "teams.manage");
  await getTeam(scope, { teamId });
  await tenant.transaction(async (tx) => {
    await tx.db.delete(teams).where(tx.where(teams, eq(teams.id, teamId)));
    await recordAudit(tx, actor, "team.deleted", { type: "team", id: teamId });
  });
}
