import { and, eq, inArray, isNull, ne, or } from "drizzle-orm";
import type { HomeResponse, RunningCohort } from "../../../common/schemas/me.ts";
import {
  cohorts,
  cultureScans,
  oneTimeTokens,
  organisations,
  persons,
  trajectories,
} from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import type { Scope } from "../../http/scope.ts";
import { calendarOf, computeSchedule } from "../cohorts/index.ts";
import { findScans } from "../culture-scan/index.ts";
import { cohortGlance } from "../impact/index.ts";
import { getHomeBasics } from "../organisations/index.ts";
import { type ChecklistFacts, deriveChecklist } from "./checklist.ts";

type CoordinatorBlock = NonNullable<HomeResponse["coordinator"]>;

/** The counts the checklist is ticked from, in one round trip: this is the most visited screen. */
async function checklistFacts(tenant: Tenant, personId: string): Promise<ChecklistFacts> {
  const others = and(ne(persons.id, personId), isNull(persons.erasedAt));
  const invitedIds = tenant.db
    .selectDistinct({ id: oneTimeTokens.personId })
    .from(oneTimeTokens)
    .where(tenant.where(oneTimeTokens, eq(oneTimeTokens.purpose, "invitation")));
  const [counts] = await tenant.db
    .select({
      people: tenant.db.$count(persons, tenant.where(persons, others)),
      scans: tenant.db.$count(cultureScans, tenant.where(cultureScans)),
      trajectories: tenant.db.$count(
        trajectories,
        tenant.where(trajectories, isNull(trajectories.archivedAt)),
      ),
      cohorts: tenant.db.$count(cohorts, tenant.where(cohorts, isNull(cohorts.cancelledAt))),
      invited: tenant.db.$count(
        persons,
        tenant.where(persons, others, or(eq(persons.status, "active"), inArray(persons.id, invitedIds))),
      ),
    })
    .from(organisations)
    .where(eq(organisations.id, tenant.organisationId));
  return counts ?? { people: 0, scans: 0, trajectories: 0, cohorts: 0, invited: 0 };
}

/** Cohorts not cancelled whose schedule (first to last activity) spans today, with their trajectory. */
async function cohortsRunningOn(tenant: Tenant, today: string) {
  const calendar = await calendarOf(tenant);
  const rows = await tenant.db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      sessionDates: cohorts.sessionDates,
      trajectoryId: trajectories.id,
      trajectoryTitle: trajectories.title,
      document: trajectories.document,
    })
    .from(cohorts)
    .innerJoin(trajectories, tenant.refersTo(cohorts.trajectoryId, trajectories))
    .where(tenant.where(cohorts, isNull(cohorts.cancelledAt)));
  return rows
    .map((row) => {
      const dates = computeSchedule(row.document, row.sessionDates, calendar).map((a) => a.date);
      const first = [row.sessionDates[0]!, ...dates].sort()[0]!;
      const last = [row.sessionDates.at(-1)!, ...dates].sort().at(-1)!;
      return { ...row, first, last };
    })
    .filter((row) => row.first <= today && today <= row.last)
    .sort((a, b) => a.first.localeCompare(b.first));
}

async function runningCohorts(scope: Scope, today: string): Promise<RunningCohort[]> {
  const running = await cohortsRunningOn(scope.tenant, today);
  const glances = [];
  // One after the other: each reads several tables, and a pool of one (PGlite) gains nothing from more.
  for (const cohort of running) {
    const glance = await cohortGlance(scope, { trajectoryId: cohort.trajectoryId, cohortId: cohort.id });
    glances.push({
      id: cohort.id,
      name: cohort.name,
      trajectoryId: cohort.trajectoryId,
      trajectoryTitle: cohort.trajectoryTitle,
      firstPracticeDay: cohort.sessionDates[0]!,
      lastDay: cohort.last,
      ...glance,
    });
  }
  return glances;
}

/** Trajectories that have had a cohort: those with something to show on their impact screen. */
async function impactLinks(tenant: Tenant): Promise<CoordinatorBlock["impact"]> {
  return tenant.db
    .selectDistinct({ trajectoryId: trajectories.id, title: trajectories.title })
    .from(trajectories)
    .innerJoin(cohorts, tenant.refersTo(cohorts.trajectoryId, trajectories))
    .where(tenant.where(trajectories, isNull(cohorts.cancelledAt)))
    .orderBy(trajectories.title);
}

async function latestScanOf(scope: Scope): Promise<CoordinatorBlock["latestScan"]> {
  const [latest] = await findScans(scope);
  if (!latest) return null;
  const { id, title, status, opensOn, closesOn, invited, responses } = latest;
  return { id, title, status, opensOn, closesOn, invited, responses };
}

/**
 * What leads a coordinator: the first steps while the organisation is new, then its running cohorts at
 * a glance, the latest culture scan and the way to impact.
 */
async function coordinatorGuide(scope: Scope) {
  const today = scope.now.toISOString().slice(0, 10);
  return {
    checklist: deriveChecklist(await checklistFacts(scope.tenant, scope.actor.personId)),
    runningCohorts: await runningCohorts(scope, today),
    latestScan: await latestScanOf(scope),
    impact: await impactLinks(scope.tenant),
  };
}

/** The signed-in home screen: one block per role the person holds, each with what to do next. */
export async function getHome(scope: Scope): Promise<HomeResponse> {
  const basics = await getHomeBasics(scope);
  return {
    ...basics,
    coordinator: basics.coordinator ? { ...basics.coordinator, ...(await coordinatorGuide(scope)) } : null,
  };
}
