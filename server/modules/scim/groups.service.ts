import { type SQL, asc, count, eq, inArray, isNull } from "drizzle-orm";
import { recordAudit } from "../../audit.ts";
import { persons, scimGroups, scimUsers, teamMemberships, teams } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { type Paging, type ScimContext, once, viaScim } from "./context.ts";
import { parseFilter } from "./filter.ts";
import { type Operation, patchGroup as applyPatch } from "./patch.ts";
import { type GroupState, parseGroup } from "./resources.ts";
import { invalidValue, notFoundScim } from "./scim-errors.ts";
import { type GroupView, presentGroup, presentList } from "./scim.presenter.ts";
import { UUID } from "./users.service.ts";

/**
 * Teams through SCIM as Groups (decision 0027): every team of the organisation is a Group (a directory
 * matching by `displayName eq` adopts a team Beklijf already has); members are people (SCIM Users).
 * Membership set by the directory never makes or unmakes a manager: managers stay the coordinator's choice.
 */

const GROUP_FILTERS = ["displayname", "externalid"] as const;

function filterCondition(filter: string | undefined): SQL | undefined {
  const parsed = parseFilter(filter, GROUP_FILTERS);
  if (!parsed) return undefined;
  return parsed.attribute === "externalid"
    ? eq(scimGroups.externalId, parsed.value)
    : eq(teams.name, parsed.value.trim());
}

function selectGroups(tenant: Tenant, ...conditions: (SQL | undefined)[]) {
  return tenant.db
    .select({ id: teams.id, name: teams.name, createdAt: teams.createdAt, externalId: scimGroups.externalId })
    .from(teams)
    .leftJoin(scimGroups, tenant.refersTo(scimGroups.teamId, teams))
    .where(tenant.where(teams, ...conditions));
}

/** Members as SCIM Users: people the directory deleted or who were erased are not listed. */
async function membersOf(tenant: Tenant, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return tenant.db
    .select({ teamId: teamMemberships.teamId, id: persons.id, name: persons.name })
    .from(teamMemberships)
    .innerJoin(persons, tenant.refersTo(teamMemberships.personId, persons))
    .leftJoin(scimUsers, tenant.refersTo(scimUsers.personId, persons))
    .where(
      tenant.where(
        teamMemberships,
        inArray(teamMemberships.teamId, teamIds),
        isNull(persons.erasedAt),
        isNull(scimUsers.deletedAt),
      ),
    )
    .orderBy(asc(persons.name));
}

async function withMembers(tenant: Tenant, rows: Omit<GroupView, "members">[]): Promise<GroupView[]> {
  const members = await membersOf(
    tenant,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...row, members: members.filter((m) => m.teamId === row.id) }));
}

/** `GET /Groups`, with an optional `eq` filter, paging, and `excludedAttributes=members` (Entra asks it). */
export async function listGroups(
  context: ScimContext,
  options: { filter?: string; paging: Paging; members: boolean },
) {
  const condition = filterCondition(options.filter);
  const [counted] = await context.tenant.db
    .select({ total: count() })
    .from(teams)
    .leftJoin(scimGroups, context.tenant.refersTo(scimGroups.teamId, teams))
    .where(context.tenant.where(teams, condition));
  const rows =
    options.paging.count === 0
      ? []
      : await selectGroups(context.tenant, condition)
          .orderBy(asc(teams.name))
          .limit(options.paging.count)
          .offset(options.paging.startIndex - 1);
  const groups = options.members
    ? await withMembers(context.tenant, rows)
    : rows.map((r) => ({ ...r, members: [] }));
  return presentList(
    groups.map((group) => presentGroup(group, context.base, options)),
    { startIndex: options.paging.startIndex, totalResults: Number(counted?.total ?? 0) },
  );
}

async function loadGroup(tenant: Tenant, groupId: string): Promise<GroupView> {
  if (!UUID.test(groupId)) throw notFoundScim("Group");
  const [row] = await selectGroups(tenant, eq(teams.id, groupId));
  if (!row) throw notFoundScim("Group");
  const [group] = await withMembers(tenant, [row]);
  return group!;
}

export async function getGroup(context: ScimContext, groupId: string, options: { members: boolean }) {
  return presentGroup(await loadGroup(context.tenant, groupId), context.base, options);
}

/** Every member must be a SCIM User of this organisation; one unknown id refuses the whole change. */
async function assertMembersKnown(tenant: Tenant, memberIds: string[]) {
  const malformed = memberIds.find((id) => !UUID.test(id));
  if (malformed) throw invalidValue(`member ${malformed} is not a user id`);
  if (memberIds.length === 0) return;
  const found = await tenant.db
    .select({ id: persons.id })
    .from(persons)
    .leftJoin(scimUsers, tenant.refersTo(scimUsers.personId, persons))
    .where(
      tenant.where(
        persons,
        inArray(persons.id, memberIds),
        isNull(persons.erasedAt),
        isNull(scimUsers.deletedAt),
      ),
    );
  const known = new Set(found.map((f) => f.id.toLowerCase()));
  const unknown = memberIds.find((id) => !known.has(id.toLowerCase()));
  if (unknown) throw invalidValue(`member ${unknown} is not a user here`);
}

async function writeExternalId(
  tenant: Tenant,
  context: ScimContext,
  teamId: string,
  externalId: string | null,
) {
  await tenant.db
    .insert(scimGroups)
    .values(tenant.row({ teamId, externalId, createdAt: context.now }))
    .onConflictDoUpdate({ target: [scimGroups.organisationId, scimGroups.teamId], set: { externalId } });
}

/** Sets the team's members to `wanted`; the managers among those who stay stay managers. */
async function writeMembers(tenant: Tenant, teamId: string, current: string[], wanted: string[]) {
  const leaving = current.filter((id) => !wanted.includes(id));
  const joining = wanted.filter((id) => !current.includes(id));
  if (leaving.length > 0)
    await tenant.db
      .delete(teamMemberships)
      .where(
        tenant.where(
          teamMemberships,
          eq(teamMemberships.teamId, teamId),
          inArray(teamMemberships.personId, leaving),
        ),
      );
  if (joining.length > 0)
    await tenant.db
      .insert(teamMemberships)
      .values(tenant.rows(joining.map((personId) => ({ teamId, personId }))))
      .onConflictDoNothing();
  return { added: joining.length, removed: leaving.length };
}

const lower = (ids: string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];

/** `POST /Groups`: a new team with its members. */
export async function createGroup(context: ScimContext, body: unknown, options: { members: boolean }) {
  const state = parseGroup(body);
  const teamId = await once(
    () =>
      context.tenant.transaction(async (tx) => {
        const memberIds = lower(state.memberIds);
        await assertMembersKnown(tx, memberIds);
        const [created] = await tx.db
          .insert(teams)
          .values(tx.row({ name: state.displayName, createdAt: context.now }))
          .returning({ id: teams.id });
        const id = created!.id;
        await writeExternalId(tx, context, id, state.externalId);
        await writeMembers(tx, id, [], memberIds);
        await recordAudit(tx, null, "team.created", { type: "team", id }, viaScim(context));
        return id;
      }),
    "a group with this displayName already exists",
  );
  return getGroup(context, teamId, options);
}

async function changeGroup(context: ScimContext, groupId: string, next: (state: GroupState) => GroupState) {
  await once(
    () =>
      context.tenant.transaction(async (tx) => {
        const before = await loadGroup(tx, groupId);
        const current = before.members.map((m) => m.id);
        const after = next({ displayName: before.name, externalId: before.externalId, memberIds: current });
        const wanted = lower(after.memberIds);
        await assertMembersKnown(tx, wanted);
        if (after.displayName !== before.name)
          await tx.db
            .update(teams)
            .set({ name: after.displayName })
            .where(tx.where(teams, eq(teams.id, before.id)));
        await writeExternalId(tx, context, before.id, after.externalId);
        const counts = await writeMembers(tx, before.id, current, wanted);
        await recordAudit(
          tx,
          null,
          "team.updated",
          { type: "team", id: before.id },
          viaScim(context, counts),
        );
      }),
    "a group with this displayName already exists",
  );
}

/** `PUT /Groups/{id}`. */
export async function replaceGroup(
  context: ScimContext,
  groupId: string,
  body: unknown,
  options: { members: boolean },
) {
  const state = parseGroup(body);
  await changeGroup(context, groupId, () => state);
  return getGroup(context, groupId, options);
}

/** `PATCH /Groups/{id}`: members added and removed, a new name. Entra ID expects 204 without a body. */
export async function patchGroup(context: ScimContext, groupId: string, operations: Operation[]) {
  await changeGroup(context, groupId, (state) => applyPatch(state, operations));
}

/** `DELETE /Groups/{id}`: the team goes; its people stay. */
export async function deleteGroup(context: ScimContext, groupId: string): Promise<void> {
  await context.tenant.transaction(async (tx) => {
    const group = await loadGroup(tx, groupId);
    await tx.db.delete(teams).where(tx.where(teams, eq(teams.id, group.id)));
    await recordAudit(tx, null, "team.deleted", { type: "team", id: group.id }, viaScim(context));
  });
}
