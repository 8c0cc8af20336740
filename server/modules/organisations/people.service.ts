import { asc, eq, inArray, isNull } from "drizzle-orm";
import { isLocale } from "../../../common/locales.ts";
import type { Role } from "../../../common/roles.ts";
import type { CreatePersonBody, PersonSummary, UpdatePersonBody } from "../../../common/schemas/people.ts";
import { personRoles, persons, teamMemberships, teams } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import type { Jobs } from "../../jobs/queue.ts";
import { endAllSessions, issueToken } from "../auth/index.ts";
import { deliverSoon, enqueueEmail } from "../notifications/index.ts";
import { recordAudit } from "../../audit.ts";
import { organisationOf } from "./organisation.service.ts";
import { authorize, canDeactivate, canStopCoordinating, endsCoordination } from "./organisations.policy.ts";

const UNIQUE_VIOLATION = "23505";

/** True when a database error is a unique-constraint violation (duplicate email, team name). */
export function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return (error as { code?: string }).code === UNIQUE_VIOLATION || cause?.code === UNIQUE_VIOLATION;
}

/** Everyone in the organisation with roles and teams, sorted by name. */
export async function findPeople(scope: Scope): Promise<PersonSummary[]> {
  authorize(scope.actor, "people.read");
  return loadPeople(scope.tenant);
}

async function loadPeople(tenant: Tenant, personIds?: string[]): Promise<PersonSummary[]> {
  // Erased people stay only as anonymous placeholders for group figures; they are not listed.
  const idFilter = personIds ? inArray(persons.id, personIds) : isNull(persons.erasedAt);
  const people = await tenant
    .select(
      persons,
      {
        id: persons.id,
        name: persons.name,
        email: persons.email,
        status: persons.status,
        locale: persons.locale,
      },
      idFilter,
    )
    .orderBy(asc(persons.name));
  const roleRows = await tenant.selectRows(
    personRoles,
    personIds ? inArray(personRoles.personId, personIds) : undefined,
  );
  const teamRows = await tenant.db
    .select({
      personId: teamMemberships.personId,
      id: teams.id,
      name: teams.name,
      isManager: teamMemberships.isManager,
    })
    .from(teamMemberships)
    .innerJoin(teams, tenant.refersTo(teamMemberships.teamId, teams))
    .where(
      tenant.where(teamMemberships, personIds ? inArray(teamMemberships.personId, personIds) : undefined),
    )
    .orderBy(asc(teams.name));
  return people.map((person) => ({
    ...person,
    locale: isLocale(person.locale) ? person.locale : null,
    roles: roleRows.filter((r) => r.personId === person.id).map((r) => r.role as Role),
    teams: teamRows
      .filter((t) => t.personId === person.id)
      .map(({ id, name, isManager }) => ({ id, name, isManager })),
  }));
}

export async function getPerson(scope: Scope, { personId }: { personId: string }): Promise<PersonSummary> {
  authorize(scope.actor, "people.read");
  const [person] = await loadPeople(scope.tenant, [personId]);
  if (!person) throw notFound("person");
  return person;
}

async function assertTeamsExist(tenant: Tenant, teamIds: string[]): Promise<void> {
  if (teamIds.length === 0) return;
  const found = await tenant.select(teams, { id: teams.id }, inArray(teams.id, teamIds));
  if (found.length !== new Set(teamIds).size) {
    throw invalid("teamIds", "unknown_team");
  }
}

async function assertEmailFree(tenant: Tenant, email: string, exceptPersonId?: string): Promise<void> {
  const [existing] = await tenant.select(persons, { id: persons.id }, eq(persons.email, email)).limit(1);
  if (existing && existing.id !== exceptPersonId) throw new AppError("EMAIL_TAKEN", "email taken", { email });
}

/**
 * Writes an invitation email with a fresh link into the outbox; call it inside the transaction of the
 * change (`scope.tenant` is then the transaction). The email is in the person's language, or the
 * organisation's when they have not chosen one.
 */
export async function sendInvitation(
  scope: Scope,
  person: { id: string; email: string; name: string; locale: string | null },
): Promise<void> {
  const { tenant, actor, site, now } = scope;
  const org = await organisationOf(tenant);
  const token = await issueToken(tenant, person.id, "invitation", now);
  await enqueueEmail(tenant, person.email, isLocale(person.locale) ? person.locale : org.defaultLocale, {
    template: "invitation",
    params: {
      name: person.name,
      organisation: org.name,
      inviter: actor.name,
      link: `${site}/invitation#token=${token}`,
    },
  });
}

/** What the use cases that send invitations need besides the scope: the queue that sends them. */
export interface Mailing {
  jobs: Pick<Jobs, "send">;
}

/** Adds a person with roles and teams, and invites them unless told not to. */
export async function createPerson(
  scope: Scope,
  input: CreatePersonBody,
  { jobs }: Mailing,
): Promise<PersonSummary> {
  const { tenant, actor } = scope;
  authorize(actor, "people.manage");
  try {
    const personId = await tenant.transaction(async (tx) => {
      await assertEmailFree(tx, input.email);
      await assertTeamsExist(tx, input.teamIds);
      const [created] = await tx.db
        .insert(persons)
        .values(tx.row({ email: input.email, name: input.name, locale: input.locale, status: "invited" }))
        .returning({ id: persons.id });
      const id = created!.id;
      await tx.db
        .insert(personRoles)
        .values(tx.rows([...new Set(input.roles)].map((role) => ({ personId: id, role }))));
      if (input.teamIds.length > 0) {
        await tx.db
          .insert(teamMemberships)
          .values(tx.rows([...new Set(input.teamIds)].map((teamId) => ({ teamId, personId: id }))));
      }
      if (input.sendInvitation) {
        await sendInvitation(
          { ...scope, tenant: tx },
          { id, email: input.email, name: input.name, locale: input.locale },
        );
      }
      await recordAudit(tx, actor, "person.created", { type: "person", id });
      return id;
    });
    if (input.sendInvitation) await deliverSoon(jobs);
    return getPerson(scope, { personId });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("EMAIL_TAKEN", "email taken", { email: input.email });
    throw error;
  }
}

/**
 * Refuses a change that would leave the organisation without an active coordinator: someone must be
 * able to manage people. `leaving` is the person about to lose the role or their access.
 */
export async function assertAnotherCoordinatorRemains(tenant: Tenant, leaving: string): Promise<void> {
  const coordinators = await tenant.db
    .select({ personId: personRoles.personId })
    .from(personRoles)
    .innerJoin(persons, tenant.refersTo(personRoles.personId, persons))
    .where(tenant.where(personRoles, eq(personRoles.role, "coordinator"), eq(persons.status, "active")));
  const activeCoordinatorIds = coordinators.map((c) => c.personId);
  if (!canStopCoordinating({ personId: leaving, activeCoordinatorIds }))
    throw new AppError("LAST_COORDINATOR");
}

async function assertKeepsACoordinator(
  tenant: Tenant,
  personId: string,
  patch: UpdatePersonBody,
): Promise<void> {
  if (endsCoordination(patch)) await assertAnotherCoordinatorRemains(tenant, personId);
}

/** Edits, re-roles or deactivates a person (deactivation signs them out everywhere). */
export async function updatePerson(
  scope: Scope,
  { personId, ...patch }: UpdatePersonBody & { personId: string },
): Promise<PersonSummary> {
  const { tenant, actor, now } = scope;
  authorize(actor, "people.manage");
  await getPerson(scope, { personId });
  if (patch.status === "deactivated" && !canDeactivate({ actorId: actor.personId, personId }))
    throw new AppError("CANNOT_DEACTIVATE_SELF");
  try {
    await tenant.transaction(async (tx) => {
      await assertKeepsACoordinator(tx, personId, patch);
      if (patch.email) await assertEmailFree(tx, patch.email, personId);
      if (patch.teamIds) await assertTeamsExist(tx, patch.teamIds);
      const { roles: newRoles, teamIds, ...fields } = patch;
      if (Object.keys(fields).length > 0) {
        await tx.db
          .update(persons)
          .set({ ...fields, updatedAt: now })
          .where(tx.where(persons, eq(persons.id, personId)));
      }
      if (newRoles) {
        await tx.db.delete(personRoles).where(tx.where(personRoles, eq(personRoles.personId, personId)));
        await tx.db
          .insert(personRoles)
          .values(tx.rows([...new Set(newRoles)].map((role) => ({ personId, role }))));
      }
      if (teamIds) await replaceMemberships(tx, personId, teamIds);
      if (patch.status === "deactivated") await endAllSessions(tx, personId);
      await recordAudit(
        tx,
        actor,
        patch.status === "deactivated" ? "person.deactivated" : "person.updated",
        {
          type: "person",
          id: personId,
        },
        { fields: Object.keys(patch) },
      );
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("EMAIL_TAKEN", "email taken", { email: patch.email ?? "" });
    throw error;
  }
  return getPerson(scope, { personId });
}

/** Sets the teams a person is a member of; managerships of teams they stay in are kept. */
async function replaceMemberships(tenant: Tenant, personId: string, teamIds: string[]): Promise<void> {
  const current = await tenant.select(
    teamMemberships,
    { teamId: teamMemberships.teamId },
    eq(teamMemberships.personId, personId),
  );
  const wanted = new Set(teamIds);
  const leaving = current.map((c) => c.teamId).filter((id) => !wanted.has(id));
  if (leaving.length > 0) {
    await tenant.db
      .delete(teamMemberships)
      .where(
        tenant.where(
          teamMemberships,
          eq(teamMemberships.personId, personId),
          inArray(teamMemberships.teamId, leaving),
        ),
      );
  }
  const joining = [...wanted].filter((id) => !current.some((c) => c.teamId === id));
  if (joining.length > 0) {
    await tenant.db
      .insert(teamMemberships)
      .values(tenant.rows(joining.map((teamId) => ({ teamId, personId }))));
  }
}

/** Sends a new invitation link (older links stop working). */
export async function invitePerson(
  scope: Scope,
  { personId }: { personId: string },
  { jobs }: Mailing,
): Promise<void> {
  const { tenant, actor } = scope;
  authorize(actor, "people.manage");
  const person = await getPerson(scope, { personId });
  if (person.status === "deactivated") throw invalid("status", "deactivated");
  await tenant.transaction(async (tx) => {
    await sendInvitation({ ...scope, tenant: tx }, person);
    await recordAudit(tx, actor, "person.invited", { type: "person", id: personId });
  });
  await deliverSoon(jobs);
}
