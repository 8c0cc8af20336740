import { count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { HomeResponse, MeResponse } from "../../../common/schemas/me.ts";
import { isLocale } from "../../../common/locales.ts";
import {
  cohortAssessors,
  cohorts,
  organisations,
  persons,
  teamMemberships,
  teams,
  trajectories,
} from "../../db/schema/index.ts";
import { columnsOf, type Tenant } from "../../db/tenant.ts";
import { notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { organisationOf } from "./organisation.service.ts";
import { teamsOf } from "./relationships.ts";

/** Whether the person is named assessor for a cohort that was not cancelled. */
async function assessesAnyCohort(tenant: Tenant, personId: string): Promise<boolean> {
  const [named] = await tenant.db
    .select({ cohortId: cohortAssessors.cohortId })
    .from(cohortAssessors)
    .innerJoin(cohorts, tenant.refersTo(cohortAssessors.cohortId, cohorts))
    .where(tenant.where(cohortAssessors, eq(cohortAssessors.personId, personId), isNull(cohorts.cancelledAt)))
    .limit(1);
  return named !== undefined;
}

/** The signed-in person, their organisation and roles, and the switches the web app reads. */
export async function getMe(scope: Scope, features: MeResponse["features"]): Promise<MeResponse> {
  const { tenant, actor } = scope;
  const org = await organisationOf(tenant);
  const [person] = await tenant.select(
    persons,
    columnsOf(persons, "id", "name", "email", "locale", "timeZone"),
    eq(persons.id, actor.personId),
  );
  if (!person) throw notFound("person");
  return {
    assesses: await assessesAnyCohort(tenant, actor.personId),
    person: { ...person, locale: isLocale(person.locale) ? person.locale : null },
    organisation: { id: org.id, name: org.name, defaultLocale: org.defaultLocale, country: org.country },
    roles: [...actor.roles].sort(),
    features,
    secondFactor: actor.pendingSecondFactor ?? null,
  };
}

type CoordinatorBlock = NonNullable<HomeResponse["coordinator"]>;
/** The coordinator's people and team counts; the home module adds the checklist, cohorts and scan. */
export type CoordinatorBasics = Pick<
  CoordinatorBlock,
  "activePeople" | "invitedPeople" | "teams" | "teamsWithoutManager"
>;
/** The home screen as this module knows it: the blocks it can fill from organisations and people. */
export type HomeBasics = Omit<HomeResponse, "coordinator"> & { coordinator: CoordinatorBasics | null };

async function coordinatorBlock(tenant: Tenant): Promise<CoordinatorBasics> {
  const statusCounts = await tenant
    .select(persons, { status: persons.status, n: count() })
    .groupBy(persons.status);
  const teamRows = await tenant.db
    .select({
      id: teams.id,
      managers:
        sql<number>`count(${teamMemberships.personId}) filter (where ${teamMemberships.isManager})`.mapWith(
          Number,
        ),
    })
    .from(teams)
    .leftJoin(teamMemberships, tenant.refersTo(teamMemberships.teamId, teams))
    .where(tenant.where(teams))
    .groupBy(teams.id);
  const countOf = (status: string) => statusCounts.find((s) => s.status === status)?.n ?? 0;
  return {
    activePeople: countOf("active"),
    invitedPeople: countOf("invited"),
    teams: teamRows.length,
    teamsWithoutManager: teamRows.filter((t) => t.managers === 0).length,
  };
}

async function managerBlock(tenant: Tenant, personId: string): Promise<HomeResponse["manager"]> {
  const managed = await teamsOf(tenant, personId, true);
  const ids = managed.map((t) => t.id);
  const sizes = ids.length
    ? await tenant
        .select(
          teamMemberships,
          { teamId: teamMemberships.teamId, n: count() },
          inArray(teamMemberships.teamId, ids),
          eq(teamMemberships.isManager, false),
        )
        .groupBy(teamMemberships.teamId)
    : [];
  return {
    teams: managed.map((t) => ({ ...t, memberCount: sizes.find((s) => s.teamId === t.id)?.n ?? 0 })),
  };
}

async function designerBlock(tenant: Tenant): Promise<HomeResponse["designer"]> {
  // One round trip for both counts: this screen is the most visited one.
  const [counts] = await tenant.db
    .select({
      trajectories: tenant.db.$count(trajectories, tenant.where(trajectories)),
      cohorts: tenant.db.$count(cohorts, tenant.where(cohorts)),
    })
    .from(organisations)
    .where(eq(organisations.id, tenant.organisationId));
  return { trajectories: counts?.trajectories ?? 0, cohorts: counts?.cohorts ?? 0 };
}

/** The signed-in home screen's blocks for the roles the person holds (see the home module for the rest). */
export async function getHomeBasics(scope: Scope): Promise<HomeBasics> {
  const { tenant, actor } = scope;
  return {
    roles: [...actor.roles].sort(),
    coordinator: actor.roles.has("coordinator") ? await coordinatorBlock(tenant) : null,
    manager: actor.roles.has("manager") ? await managerBlock(tenant, actor.personId) : null,
    learner: actor.roles.has("learner") ? { teams: await teamsOf(tenant, actor.personId, false) } : null,
    designer: actor.roles.has("designer") ? await designerBlock(tenant) : null,
  };
}
