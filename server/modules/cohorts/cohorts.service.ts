import { count, eq, inArray, isNull } from "drizzle-orm";
import { intlLocale, type Locale } from "../../../common/locales.ts";
import type { CohortDetail, CreateCohortBody, UpdateCohortBody } from "../../../common/schemas/cohorts.ts";
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
import type { Jobs } from "../../jobs/queue.ts";
import { can } from "../../policy.ts";
import { deliverSoon, enqueueEmail, recipientsOf } from "../notifications/index.ts";
import { notify } from "../notices/index.ts";
import { managedMemberIds, managerIdsOf } from "../organisations/index.ts";
import {
  authorize,
  cohortGrants,
  mayReadCohort,
  plannedParticipants,
  practiceDateProblem,
} from "./cohorts.policy.ts";
import { participantsOf, timeZoneOf } from "./enrolments.ts";
import { calendarOf } from "./calendar-of.ts";
import { dayOffReason, holidayName } from "./working-days.ts";
import { assignSchedule, computeSchedule } from "./schedule.ts";

/** The people a cohort plan names: members of the chosen teams (not their managers) plus chosen people. */
async function resolveParticipants(
  tenant: Tenant,
  teamIds: string[],
  personIds: string[],
): Promise<string[]> {
  if (teamIds.length > 0) {
    const found = await tenant.select(teams, { id: teams.id }, inArray(teams.id, teamIds));
    if (found.length !== new Set(teamIds).size) throw invalid("teamIds", "unknown_team");
  }
  const teamMembers = teamIds.length
    ? await tenant.select(
        teamMemberships,
        { personId: teamMemberships.personId, isManager: teamMemberships.isManager },
        inArray(teamMemberships.teamId, teamIds),
      )
    : [];
  if (personIds.length > 0) {
    const found = await tenant.select(
      persons,
      { id: persons.id, status: persons.status },
      inArray(persons.id, personIds),
    );
    if (found.length !== new Set(personIds).size) throw invalid("personIds", "unknown_person");
    // Someone chosen by name who has left must be a visible choice, not silently dropped.
    if (found.some((p) => p.status === "deactivated")) throw invalid("personIds", "person_deactivated");
  }
  const all = plannedParticipants({ teamMembers, chosenPersonIds: personIds });
  const active = all.length
    ? await tenant.select(
        persons,
        { id: persons.id },
        inArray(persons.id, all),
        inArray(persons.status, ["active", "invited"]),
      )
    : [];
  // A team whose members have all left plans nobody: say so instead of creating an empty cohort.
  if (active.length === 0) throw invalid("personIds", "no_participants");
  return active.map((p) => p.id);
}

/**
 * Practice days on days people work, in order, and no new date in the past ("kept" dates were already
 * planned). A day off is named with its date (and holiday) in the planner's language.
 */
async function assertDates(
  { tenant, actor, now, locale }: Scope,
  sessionDates: string[],
  kept: string[] = [],
): Promise<void> {
  // "In the past" as the planner's calendar has it.
  const today = todayIn(await timeZoneOf(tenant, actor.personId), now);
  const calendar = await calendarOf(tenant);
  const problem = practiceDateProblem(sessionDates, today, calendar, kept);
  if (!problem) return;
  const dayOff = sessionDates.find(
    (date) => !kept.includes(date) && dayOffReason(date, calendar) === problem,
  );
  if (!dayOff) throw invalid("sessionDates", problem);
  throw invalid("sessionDates", problem, {
    date: formatDates([dayOff], locale),
    holiday: holidayName(dayOff, calendar.country, locale) ?? "",
  });
}

/** Plans a cohort: its practice-day dates and participants; every activity gets a date from them. */
export async function planCohort(scope: Scope, input: CreateCohortBody): Promise<CohortDetail> {
  const { tenant, actor, now, site } = scope;
  authorize(actor, "cohort.plan");
  const [trajectory] = await tenant.selectRows(trajectories, eq(trajectories.id, input.trajectoryId));
  if (!trajectory) throw notFound("trajectory");
  if (!trajectory.document.activities.some((a) => a.phase === "session"))
    throw new AppError("NO_PRACTICE_DAY");
  await assertDates(scope, input.sessionDates);
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
    const practiceDay = [...input.sessionDates].sort()[0]!;
    for (const personId of participantIds)
      await tellManagersCheckInDue(tx, { cohortId: row!.id, personId, practiceDay, now, site });
    return row!.id;
  });
  return loadCohort(tenant, id);
}

/**
 * Once a cohort is planned, the conversation before its practice day is due: each participant's
 * managers get a notice (one per person and cohort). In the app only: planning a cohort of twelve must
 * not send a manager twelve emails; the weekly digest carries it by email.
 */
async function tellManagersCheckInDue(
  tx: Tenant,
  {
    cohortId,
    personId,
    practiceDay,
    now,
    site,
  }: Record<"cohortId" | "personId" | "practiceDay" | "site", string> & {
    now: Date;
  },
) {
  for (const { personId: managerId } of await managerIdsOf(tx, personId))
    if (managerId !== personId)
      await notify(tx, {
        personId: managerId,
        kind: "check-in-due",
        params: { from: personId, date: practiceDay },
        href: "/team",
        key: `check-in-due:${cohortId}:${personId}`,
        now,
        site,
        email: false,
      });
}

/**
 * A cohort with every activity's date for every participant. A manager who does not plan cohorts sees
 * only those with someone from a team they manage; another team's is simply not found.
 */
export async function getCohort(
  { tenant, actor }: Scope,
  { cohortId }: { cohortId: string },
): Promise<CohortDetail> {
  authorize(actor, "cohort.read");
  const cohort = await loadCohort(tenant, cohortId);
  const visible = mayReadCohort({
    seesEveryCohort: can(cohortGrants, actor, "cohort.plan"),
    participantIds: cohort.participants.map((p) => p.id),
    managedPersonIds: await managedPersonIds(tenant, actor.personId),
  });
  if (!visible) throw notFound("cohort");
  return cohort;
}

/** The people in the teams this person manages (not the managers themselves). */
async function managedPersonIds(tenant: Tenant, managerId: string): Promise<Set<string>> {
  const members = await managedMemberIds(tenant, managerId);
  return new Set(members.map((m) => m.personId));
}

/**
 * Changes a planned or running cohort: its name, practice days and participants. Every activity's date
 * follows from the new practice days at once (the schedule is computed, never stored). Each learner who
 * stays in the cohort and whose dates moved gets one email with the new date, queued in the same
 * transaction. Practice days already planned may stay in the past; a new one may not.
 */
export async function updateCohort(
  scope: Scope,
  { cohortId, ...input }: UpdateCohortBody & { cohortId: string },
  { jobs }: { jobs: Pick<Jobs, "send"> },
): Promise<CohortDetail> {
  const { tenant, actor, site } = scope;
  authorize(actor, "cohort.plan");
  const before = await loadCohort(tenant, cohortId);
  if (before.cancelledAt) throw new AppError("COHORT_CANCELLED");
  if (input.sessionDates) await assertDates(scope, input.sessionDates, before.sessionDates);
  const datesMoved =
    input.sessionDates !== undefined && input.sessionDates.join() !== before.sessionDates.join();
  const replacesParticipants = input.teamIds !== undefined || input.personIds !== undefined;
  let told = 0;
  await tenant.transaction(async (tx) => {
    const participantIds = replacesParticipants
      ? await resolveParticipants(tx, input.teamIds ?? [], input.personIds ?? [])
      : before.participants.map((p) => p.id);
    if (input.name !== undefined || datesMoved)
      await tx.db
        .update(cohorts)
        .set({ name: input.name ?? before.name, sessionDates: input.sessionDates ?? before.sessionDates })
        .where(tx.where(cohorts, eq(cohorts.id, cohortId)));
    const previous = new Set(before.participants.map((p) => p.id));
    const added = participantIds.filter((id) => !previous.has(id));
    const removed = [...previous].filter((id) => !participantIds.includes(id));
    if (removed.length)
      await tx.db
        .delete(cohortParticipants)
        .where(
          tx.where(
            cohortParticipants,
            eq(cohortParticipants.cohortId, cohortId),
            inArray(cohortParticipants.personId, removed),
          ),
        );
    if (added.length)
      await tx.db
        .insert(cohortParticipants)
        .values(tx.rows(added.map((personId) => ({ cohortId, personId }))));
    if (datesMoved) {
      // Only those who knew the old date: someone added now learns the dates from the cohort itself.
      const stayed = participantIds.filter((id) => previous.has(id));
      for (const recipient of await recipientsOf(tx, stayed)) {
        await enqueueEmail(tx, recipient.email, recipient.locale, {
          template: "cohort-dates-changed",
          params: {
            name: recipient.name,
            cohort: input.name ?? before.name,
            dates: formatDates(input.sessionDates!, recipient.locale),
            link: `${site}/today`,
          },
        });
        told += 1;
      }
    }
    await recordAudit(
      tx,
      actor,
      "cohort.updated",
      { type: "cohort", id: cohortId },
      {
        ...(input.name !== undefined && input.name !== before.name ? { name: input.name } : {}),
        ...(datesMoved
          ? { sessionDates: input.sessionDates, previousSessionDates: before.sessionDates }
          : {}),
        ...(added.length || removed.length ? { added: added.length, removed: removed.length } : {}),
      },
    );
  });
  if (told > 0) await deliverSoon(jobs);
  return loadCohort(tenant, cohortId);
}

/** Practice days as the reader writes dates ("maandag 2 juni 2031"). */
function formatDates(dates: string[], locale: Locale): string {
  const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "full", timeZone: "UTC" });
  return dates.map((d) => format.format(new Date(`${d}T00:00:00Z`))).join(", ");
}

/**
 * Cancels a cohort: it stays for history (and the impact figures of what happened), but leaves its
 * learners' Today list and reminders. Cancelling twice changes nothing.
 */
export async function cancelCohort(
  { tenant, actor, now }: Scope,
  { cohortId }: { cohortId: string },
): Promise<CohortDetail> {
  authorize(actor, "cohort.plan");
  await loadCohort(tenant, cohortId);
  await tenant.transaction(async (tx) => {
    const rows = await tx.db
      .update(cohorts)
      .set({ cancelledAt: now })
      .where(tx.where(cohorts, eq(cohorts.id, cohortId), isNull(cohorts.cancelledAt)))
      .returning({ id: cohorts.id });
    if (rows.length) await recordAudit(tx, actor, "cohort.cancelled", { type: "cohort", id: cohortId });
  });
  return loadCohort(tenant, cohortId);
}

/** Cohorts with their trajectory, joined within the organisation. */
const cohortsWithTrajectory = <T extends Parameters<Tenant["db"]["select"]>[0]>(tenant: Tenant, fields: T) =>
  tenant.db
    .select(fields)
    .from(cohorts)
    .innerJoin(trajectories, tenant.refersTo(cohorts.trajectoryId, trajectories));

async function loadCohort(tenant: Tenant, cohortId: string): Promise<CohortDetail> {
  const [row] = await cohortsWithTrajectory(tenant, { cohort: cohorts, trajectory: trajectories }).where(
    tenant.where(cohorts, eq(cohorts.id, cohortId)),
  );
  if (!row) throw notFound("cohort");
  const participants = (await participantsOf(tenant, [cohortId])).map((p) => ({
    id: p.personId,
    name: p.name,
  }));
  const schedule = computeSchedule(
    row.trajectory.document,
    row.cohort.sessionDates,
    await calendarOf(tenant),
  );
  return {
    id: row.cohort.id,
    name: row.cohort.name,
    trajectory: { id: row.trajectory.id, title: row.trajectory.title },
    sessionDates: row.cohort.sessionDates,
    cancelledAt: row.cohort.cancelledAt?.toISOString() ?? null,
    participants,
    schedule,
    assignments: assignSchedule(
      schedule,
      participants.map((p) => p.id),
    ),
  };
}

/**
 * The organisation's cohorts, first practice day first, with how many take part. A manager who does
 * not plan cohorts sees only those with someone from a team they manage.
 */
export async function findCohorts({ tenant, actor }: Scope) {
  authorize(actor, "cohort.read");
  const rows = await cohortsWithTrajectory(tenant, {
    cohort: cohorts,
    trajectoryTitle: trajectories.title,
  }).where(tenant.where(cohorts));
  const counts = await tenant
    .select(cohortParticipants, { cohortId: cohortParticipants.cohortId, n: count() })
    .groupBy(cohortParticipants.cohortId);
  const seesEveryCohort = can(cohortGrants, actor, "cohort.plan");
  const managed = seesEveryCohort ? new Set<string>() : await managedPersonIds(tenant, actor.personId);
  const withManaged = seesEveryCohort
    ? []
    : managed.size === 0
      ? []
      : await tenant.db
          .selectDistinct({ cohortId: cohortParticipants.cohortId })
          .from(cohortParticipants)
          .where(tenant.where(cohortParticipants, inArray(cohortParticipants.personId, [...managed])));
  const visible = new Set(withManaged.map((r) => r.cohortId));
  return rows
    .filter(({ cohort }) => seesEveryCohort || visible.has(cohort.id))
    .map(({ cohort, trajectoryTitle }) => ({
      id: cohort.id,
      name: cohort.name,
      trajectoryId: cohort.trajectoryId,
      trajectoryTitle,
      firstSessionDate: cohort.sessionDates[0]!,
      participantCount: counts.find((c) => c.cohortId === cohort.id)?.n ?? 0,
      cancelledAt: cohort.cancelledAt?.toISOString() ?? null,
    }))
    .sort((a, b) => a.firstSessionDate.localeCompare(b.firstSessionDate));
}
