import { asc, count, eq, inArray } from "drizzle-orm";
import type { CohortDetail, CreateCohortBody } from "../../../common/schemas/cohorts.ts";
import {
  cohortParticipants,
  cohorts,
  persons,
  teamMemberships,
  teams,
  trajectories,
} from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { recordAudit } from "../../audit.ts";
import { todayIn } from "../../../common/dates.ts";
import { authorize, plannedParticipants } from "./cohorts.policy.ts";
import { timeZoneOf } from "./enrolments.ts";
import { assignSchedule, computeSchedule } from "./schedule.ts";

/** The people a cohort plan names: members of the chosen teams (not their managers) plus chosen people. */
async function resolveParticipants(
  tenant: Tenant,
  teamIds: string[],
  personIds: string[],
): Promise<string[]> {
  if (teamIds.length > 0) {
    const found = await tenant.db
      .select({ id: teams.id })
      .from(teams)
      .where(tenant.where(teams, inArray(teams.id, teamIds)));
    if (found.length !== new Set(teamIds).size) throw invalid("teamIds", "unknown_team");
  }
  const teamMembers = teamIds.length
    ? await tenant.db
        .select({ personId: teamMemberships.personId, isManager: teamMemberships.isManager })
        .from(teamMemberships)
        .where(tenant.where(teamMemberships, inArray(teamMemberships.teamId, teamIds)))
    : [];
  if (personIds.length > 0) {
    const found = await tenant.db
      .select({ id: persons.id, status: persons.status })
      .from(persons)
      .where(tenant.where(persons, inArray(persons.id, personIds)));
    if (found.length !== new Set(personIds).size) throw invalid("personIds", "unknown_person");
    // Someone chosen by name who has left must be a visible choice, not silently dropped.
    if (found.some((p) => p.status === "deactivated")) throw invalid("personIds", "person_deactivated");
  }
  const all = plannedParticipants({ teamMembers, chosenPersonIds: personIds });
  const active = all.length
    ? await tenant.db
        .select({ id: persons.id })
        .from(persons)
        .where(
          tenant.where(persons, inArray(persons.id, all), inArray(persons.status, ["active", "invited"])),
        )
    : [];
  // A team whose members have all left plans nobody: say so instead of creating an empty cohort.
  if (active.length === 0) throw invalid("personIds", "no_participants");
  return active.map((p) => p.id);
}

function assertDates(sessionDates: string[], today: string): void {
  if (sessionDates.some((date) => date < today)) throw invalid("sessionDates", "date_in_past");
  const sorted = [...new Set(sessionDates)].sort();
  if (sorted.join() !== sessionDates.join()) throw invalid("sessionDates", "dates_not_in_order");
}

/** Plans a cohort: its practice-day dates and participants; every activity gets a date from them. */
export async function planCohort(scope: Scope, input: CreateCohortBody): Promise<CohortDetail> {
  const { tenant, actor, now } = scope;
  authorize(actor, "cohort.plan");
  const [trajectory] = await tenant.db
    .select()
    .from(trajectories)
    .where(tenant.where(trajectories, eq(trajectories.id, input.trajectoryId)));
  if (!trajectory) throw notFound("trajectory");
  if (!trajectory.document.activities.some((a) => a.phase === "session"))
    throw new AppError("NO_PRACTICE_DAY");
  // "In the past" as the planner's calendar has it.
  assertDates(input.sessionDates, todayIn(await timeZoneOf(tenant, actor.personId), now));
  const id = await tenant.transaction(async (tx) => {
    const participantIds = await resolveParticipants(tx, input.teamIds, input.personIds);
    const [row] = await tx.db
      .insert(cohorts)
      .values(
        tx.row({
          trajectoryId: trajectory.id,
          name: input.name,
          sessionDates: input.sessionDates,
          createdBy: actor.personId,
        }),
      )
      .returning({ id: cohorts.id });
    await tx.db
      .insert(cohortParticipants)
      .values(tx.rows(participantIds.map((personId) => ({ cohortId: row!.id, personId }))));
    await recordAudit(
      tx,
      actor,
      "cohort.planned",
      { type: "cohort", id: row!.id },
      { participants: participantIds.length },
    );
    return row!.id;
  });
  return loadCohort(tenant, id);
}

/** A cohort with every activity's date for every participant. */
export async function getCohort(
  { tenant, actor }: Scope,
  { cohortId }: { cohortId: string },
): Promise<CohortDetail> {
  authorize(actor, "cohort.read");
  return loadCohort(tenant, cohortId);
}

/** Cohorts with their trajectory, joined within the organisation. */
const cohortsWithTrajectory = <T extends Parameters<Tenant["db"]["select"]>[0]>(tenant: Tenant, fields: T) =>
  tenant.db
    .select(fields)
    .from(cohorts)
    .innerJoin(trajectories, tenant.joinOn(trajectories, cohorts, eq(trajectories.id, cohorts.trajectoryId)));

async function loadCohort(tenant: Tenant, cohortId: string): Promise<CohortDetail> {
  const [row] = await cohortsWithTrajectory(tenant, { cohort: cohorts, trajectory: trajectories }).where(
    tenant.where(cohorts, eq(cohorts.id, cohortId)),
  );
  if (!row) throw notFound("cohort");
  const participants = await tenant.db
    .select({ id: persons.id, name: persons.name })
    .from(cohortParticipants)
    .innerJoin(
      persons,
      tenant.joinOn(persons, cohortParticipants, eq(persons.id, cohortParticipants.personId)),
    )
    .where(tenant.where(cohortParticipants, eq(cohortParticipants.cohortId, cohortId)))
    .orderBy(asc(persons.name));
  const schedule = computeSchedule(row.trajectory.document, row.cohort.sessionDates);
  return {
    id: row.cohort.id,
    name: row.cohort.name,
    trajectory: { id: row.trajectory.id, title: row.trajectory.title },
    sessionDates: row.cohort.sessionDates,
    participants,
    schedule,
    assignments: assignSchedule(
      schedule,
      participants.map((p) => p.id),
    ),
  };
}

/** The organisation's cohorts, first practice day first, with how many take part. */
export async function findCohorts({ tenant, actor }: Scope) {
  authorize(actor, "cohort.read");
  const rows = await cohortsWithTrajectory(tenant, {
    cohort: cohorts,
    trajectoryTitle: trajectories.title,
  }).where(tenant.where(cohorts));
  const counts = await tenant.db
    .select({ cohortId: cohortParticipants.cohortId, n: count() })
    .from(cohortParticipants)
    .where(tenant.where(cohortParticipants))
    .groupBy(cohortParticipants.cohortId);
  return rows
    .map(({ cohort, trajectoryTitle }) => ({
      id: cohort.id,
      name: cohort.name,
      trajectoryId: cohort.trajectoryId,
      trajectoryTitle,
      firstSessionDate: cohort.sessionDates[0]!,
      participantCount: counts.find((c) => c.cohortId === cohort.id)?.n ?? 0,
    }))
    .sort((a, b) => a.firstSessionDate.localeCompare(b.firstSessionDate));
}
