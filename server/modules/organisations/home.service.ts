import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { HomeResponse, MeResponse } from "../../../common/schemas/me.ts";
import { defaultLocale, isLocale } from "../../../common/locales.ts";
import {
  cohorts,
  organisations,
  persons,
  teamMemberships,
  teams,
  trajectories,
} from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { notFound } from "../../errors.ts";
import type { Actor } from "../../http/context.ts";

export async function getOrganisation(tenant: Tenant) {
  const [org] = await tenant.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, tenant.organisationId));
  if (!org) throw notFound("organisation");
  return { ...org, defaultLocale: isLocale(org.defaultLocale) ? org.defaultLocale : defaultLocale };
}

export async function getMe(
  tenant: Tenant,
  actor: Actor,
  features: MeResponse["features"],
): Promise<MeResponse> {
  const org = await getOrganisation(tenant);
  const [person] = await tenant.db
    .select({
      id: persons.id,
      name: persons.name,
      email: persons.email,
      locale: persons.locale,
      timeZone: persons.timeZone,
    })
    .from(persons)
    .where(tenant.where(persons, eq(persons.id, actor.personId)));
  if (!person) throw notFound("person");
  return {
    person: { ...person, locale: isLocale(person.locale) ? person.locale : null },
    organisation: { id: org.id, name: org.name, defaultLocale: org.defaultLocale },
    roles: [...actor.roles].sort(),
    features,
  };
}

async function teamsOf(tenant: Tenant, personId: string, asManager: boolean) {
  return tenant.db
    .select({ id: teams.id, name: teams.name })
    .from(teamMemberships)
    .innerJoin(
      teams,
      and(eq(teams.organisationId, teamMemberships.organisationId), eq(teams.id, teamMemberships.teamId)),
    )
    .where(
      tenant.where(
        teamMemberships,
        eq(teamMemberships.personId, personId),
        eq(teamMemberships.isManager, asManager),
      ),
    )
    .orderBy(teams.name);
}

/** The signed-in home screen: one block per role the person holds, each with what to do next. */
export async function getHome(tenant: Tenant, actor: Actor): Promise<HomeResponse> {
  const roles = [...actor.roles].sort();
  let coordinator: HomeResponse["coordinator"] = null;
  if (actor.roles.has("coordinator")) {
    const statusCounts = await tenant.db
      .select({ status: persons.status, n: count() })
      .from(persons)
      .where(tenant.where(persons))
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
      .leftJoin(
        teamMemberships,
        and(eq(teamMemberships.organisationId, teams.organisationId), eq(teamMemberships.teamId, teams.id)),
      )
      .where(tenant.where(teams))
      .groupBy(teams.id);
    const countOf = (status: string) => statusCounts.find((s) => s.status === status)?.n ?? 0;
    coordinator = {
      activePeople: countOf("active"),
      invitedPeople: countOf("invited"),
      teams: teamRows.length,
      teamsWithoutManager: teamRows.filter((t) => t.managers === 0).length,
    };
  }
  let manager: HomeResponse["manager"] = null;
  if (actor.roles.has("manager")) {
    const managed = await teamsOf(tenant, actor.personId, true);
    const ids = managed.map((t) => t.id);
    const sizes = ids.length
      ? await tenant.db
          .select({ teamId: teamMemberships.teamId, n: count() })
          .from(teamMemberships)
          .where(
            tenant.where(
              teamMemberships,
              inArray(teamMemberships.teamId, ids),
              eq(teamMemberships.isManager, false),
            ),
          )
          .groupBy(teamMemberships.teamId)
      : [];
    manager = {
      teams: managed.map((t) => ({ ...t, memberCount: sizes.find((s) => s.teamId === t.id)?.n ?? 0 })),
    };
  }
  const learner = actor.roles.has("learner") ? { teams: await teamsOf(tenant, actor.personId, false) } : null;
  let designer: HomeResponse["designer"] = null;
  if (actor.roles.has("designer")) {
    // One round trip for both counts: this screen is the most visited one.
    const [counts] = await tenant.db
      .select({
        trajectories:
          sql<number>`(select count(*) from ${trajectories} where ${trajectories.organisationId} = ${tenant.organisationId})`.mapWith(
            Number,
          ),
        cohorts:
          sql<number>`(select count(*) from ${cohorts} where ${cohorts.organisationId} = ${tenant.organisationId})`.mapWith(
            Number,
          ),
      })
      .from(organisations)
      .where(eq(organisations.id, tenant.organisationId));
    designer = { trajectories: counts?.trajectories ?? 0, cohorts: counts?.cohorts ?? 0 };
  }
  return { roles, coordinator, manager, learner, designer };
}
