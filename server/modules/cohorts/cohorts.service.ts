import { and, asc, count, eq, inArray } from "drizzle-orm";
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
import { AppError, notFound } from "../../errors.ts";
import type { Actor } from "../../http/context.ts";
import { authorize } from "../trajectories/index.ts";
import { assignSchedule, computeSchedule } from "./schedule.ts";
import { recordAudit } from "../../audit.ts";
import { todayIn } from "../../../common/dates.ts";

const invalid = (field: string, code: string) =>
  new AppError("VALIDATION_FAILED", `${field}: ${code}`, {}, [{ field, code }]);

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
  const fromTeams = teamIds.length
    ? await tenant.db
        .select({ personId: teamMemberships.personId })
        .from(teamMemberships)
        .where(
          tenant.where(
            teamMemberships,
            inArray(teamMemberships.teamId, teamIds),
            eq(teamMemberships.isManager, false),
          ),
        )
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
  const all = [...new Set([...fromTeams.map((m) => m.personId), ...personIds])];
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

export async function planCohort(
  tenant: Tenant,
  actor: Actor,
  input: CreateCohortBody,
  now: Date,
): Promise<CohortDetail> {
  authorize(actor, "cohort.plan");
  const [trajectory] = await tenant.db
    .select()
    .from(trajectories)
    .where(tenant.where(trajectories, eq(trajectories.id, input.trajectoryId)));
  if (!trajectory) throw notFound("trajectory");
  if (!trajectory.document.activities.some((a) => a.phase === "session"))
    throw new AppError("NO_PRACTICE_DAY");
  assertDates(input.sessionDates, todayIn("Europe/Amsterdam", now));
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
  return getCohort(tenant, actor, id);
}

export async function getCohort(tenant: Tenant, actor: Actor, cohortId: string): Promise<CohortDetail> {
  authorize(actor, "cohort.read");
  const [row] = await tenant.db
    .select({ cohort: cohorts, trajectory: trajectories })
    .from(cohorts)
    .innerJoin(
      trajectories,
      and(eq(trajectories.organisationId, cohorts.organisationId), eq(trajectories.id, cohorts.trajectoryId)),
    )
    .where(tenant.where(cohorts, eq(cohorts.id, cohortId)));
  if (!row) throw notFound("cohort");
  const participants = await tenant.db
    .select({ id: persons.id, name: persons.name })
    .from(cohortParticipants)
    .innerJoin(
      persons,
      and(
        eq(persons.organisationId, cohortParticipants.organisationId),
        eq(persons.id, cohortParticipants.personId),
      ),
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

export async function findCohorts(tenant: Tenant, actor: Actor) {
  authorize(actor, "cohort.read");
  const rows = await tenant.db
    .select({ cohort: cohorts, trajectoryTitle: trajectories.title })
    .from(cohorts)
    .innerJoin(
      trajectories,
      and(eq(trajectories.organisationId, cohorts.organisationId), eq(trajectories.id, cohorts.trajectoryId)),
    )
    .where(tenant.where(cohorts));
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
