import { desc, inArray, isNull } from "drizzle-orm";
import type { MyCheckIn, MyCheckInsResponse, TaskTool } from "../../../common/schemas/learning.ts";
import type { ScheduledActivity } from "../../../common/schemas/cohorts.ts";
import type { ActivityType, Phase } from "../../../common/trajectory-vocabulary.ts";
import { actionPlans, checkIns, cohorts, feedbackRequests, persons } from "../../db/schema/index.ts";
import { oneOrMany } from "../../db/one-or-many.ts";
import type { Tenant } from "../../db/tenant.ts";
import type { Scope } from "../../http/scope.ts";
import { scheduleOf, type Enrolment } from "../cohorts/index.ts";
import { managerIdsOf } from "../organisations/index.ts";

// Some tasks are not ticked off by the learner: they close when their record exists. "Done" is derived
// from those records every time Today is built (never stored a second time), so a check-in the manager
// corrects or deletes reopens the task by itself.

const toolOfType: Partial<Record<ActivityType, TaskTool>> = {
  "manager-check-in": "check-in",
  "peer-feedback": "peer-feedback",
  "action-plan": "action-plan",
};

/** The tool that does an activity of this type, or null for one the learner marks done herself. */
export const taskToolOf = (type: ActivityType): TaskTool | null => toolOfType[type] ?? null;

/** Which conversation a check-in task is: before the practice day (and at the kick-off), or after it. */
export const checkInMoment = (phase: Phase): "before" | "after" =>
  phase === "before" || phase === "kickoff" ? "before" : "after";

/** A check-in as the learner reads it, with the instant to compare. */
export type CheckInFact = MyCheckIn & { recordedAt: Date };

/** What closes the learner's tool tasks: her check-ins, feedback requests and plans, per cohort. */
export interface TaskFacts {
  checkIns: CheckInFact[];
  /** Cohorts in which she sent a feedback request, with when she sent the first. */
  feedbackCohorts: Map<string, Date>;
  /** Cohorts in which she has an unarchived plan, with when she wrote the first. */
  planCohorts: Map<string, Date>;
  /** When each of her cohorts was planned: an earlier check-in belongs to an earlier training. */
  cohortCreated: Map<string, Date>;
}

/**
 * Whether a check-in can stand for a check-in task of the cohort. It is the learner's own (the caller
 * passes only hers), for this cohort or for no cohort in particular, recorded no earlier than the cohort
 * was planned (participants have no enrolment date; the cohort cannot be older than her enrolment), and
 * of the task's kind: "before" stands for the conversation before the practice day, "after" for one
 * after it. "We talked" (from a digest link) names no kind, so it stands for the conversation that fits
 * its date: before the first practice day the one before, from that day on one after.
 */
function fits(
  checkIn: CheckInFact,
  moment: "before" | "after",
  enrolment: Pick<Enrolment, "cohortId" | "sessionDates">,
  from: Date | undefined,
): boolean {
  if (checkIn.cohortId !== null && checkIn.cohortId !== enrolment.cohortId) return false;
  if (from && checkIn.recordedAt < from) return false;
  if (checkIn.kind === "talked")
    return (checkIn.at.slice(0, 10) < (enrolment.sessionDates[0] ?? "") ? "before" : "after") === moment;
  return checkIn.kind === moment;
}

/**
 * Which check-in closed which check-in task of the cohort (by activity id). A trajectory often has two
 * conversations after the practice day (a week after: which plan and what support; weeks later: what
 * was applied), so one check-in closes one task: each, oldest first, closes the earliest open task it
 * fits. The manager's next check-in then closes the next conversation.
 */
export function checkInsPerTask(
  enrolment: Pick<Enrolment, "cohortId" | "sessionDates" | "document" | "calendar">,
  facts: Pick<TaskFacts, "checkIns" | "cohortCreated">,
): Map<string, CheckInFact> {
  const tasks = scheduleOf(enrolment)
    .filter((activity) => activity.type === "manager-check-in")
    .sort((a, b) => a.date.localeCompare(b.date));
  const from = facts.cohortCreated.get(enrolment.cohortId);
  const closed = new Map<string, CheckInFact>();
  for (const checkIn of [...facts.checkIns].reverse()) {
    const task = tasks.find(
      (activity) =>
        !closed.has(activity.activityId) && fits(checkIn, checkInMoment(activity.phase), enrolment, from),
    );
    if (task) closed.set(task.activityId, checkIn);
  }
  return closed;
}

/**
 * When the task's record first existed, so the task is done without a tick; null while it is open (and
 * for a task the learner marks done herself).
 */
export function closedAt(
  enrolment: Pick<Enrolment, "cohortId" | "sessionDates" | "document" | "calendar">,
  activity: Pick<ScheduledActivity, "type" | "activityId">,
  facts: TaskFacts,
): Date | null {
  switch (taskToolOf(activity.type)) {
    case "check-in":
      return checkInsPerTask(enrolment, facts).get(activity.activityId)?.recordedAt ?? null;
    case "peer-feedback":
      return facts.feedbackCohorts.get(enrolment.cohortId) ?? null;
    case "action-plan":
      return facts.planCohorts.get(enrolment.cohortId) ?? null;
    default:
      return null;
  }
}

/** Where the learner does a tool task: the request form or the plan form, for this cohort. */
export function toolHref(tool: TaskTool, cohortId: string): string | null {
  if (tool === "peer-feedback") return `/feedback?cohort=${cohortId}`;
  if (tool === "action-plan") return `/plans?cohort=${cohortId}`;
  return null;
}

/** The check-ins recorded with the learner, newest first: agreements, manager, kind, date, cohort. */
export async function checkInsWith(tenant: Tenant, personId: string): Promise<CheckInFact[]> {
  return (await checkInsWithPeople(tenant, [personId])).get(personId)!;
}

/** `checkInsWith` for many learners in one query, each learner's newest first. */
async function checkInsWithPeople(tenant: Tenant, personIds: string[]): Promise<Map<string, CheckInFact[]>> {
  const rows = await tenant.db
    .select({
      personId: checkIns.personId,
      id: checkIns.id,
      kind: checkIns.kind,
      agreements: checkIns.agreements,
      at: checkIns.at,
      managerName: persons.name,
      cohortId: checkIns.cohortId,
      cohortName: cohorts.name,
    })
    .from(checkIns)
    .innerJoin(persons, tenant.refersTo(checkIns.managerId, persons))
    .leftJoin(cohorts, tenant.refersTo(checkIns.cohortId, cohorts))
    .where(tenant.where(checkIns, oneOrMany(checkIns.personId, personIds)))
    .orderBy(desc(checkIns.at), desc(checkIns.id));
  const facts = new Map<string, CheckInFact[]>(personIds.map((id) => [id, []]));
  for (const { personId, ...row } of rows)
    facts.get(personId)?.push({
      ...row,
      at: row.at.toISOString(),
      recordedAt: row.at,
      cohortName: row.cohortName ?? null,
    });
  return facts;
}

/** `GET /api/me/check-ins`: the signed-in learner's check-ins with her managers, newest first. */
export async function findMyCheckIns({ tenant, actor }: Scope): Promise<MyCheckInsResponse> {
  return { checkIns: (await checkInsWith(tenant, actor.personId)).map(presentCheckIn) };
}

/** Without the instant used for comparing: what the learner's screens and the API show. */
export const presentCheckIn = ({ recordedAt: _recordedAt, ...checkIn }: CheckInFact): MyCheckIn => checkIn;

function firstPerCohort(rows: { cohortId: string | null; at: Date }[]): Map<string, Date> {
  const first = new Map<string, Date>();
  for (const { cohortId, at } of rows) {
    if (!cohortId) continue;
    const known = first.get(cohortId);
    if (!known || at < known) first.set(cohortId, at);
  }
  return first;
}

/** Everything that closes the learner's tool tasks in `enrolments`, read in one go. */
export async function taskFactsOf(
  tenant: Tenant,
  personId: string,
  enrolments: Pick<Enrolment, "cohortId">[],
): Promise<TaskFacts> {
  return (await taskFactsOfPeople(tenant, new Map([[personId, enrolments]]))).get(personId)!;
}

/** `taskFactsOf` for many learners (each with their enrolments), one query per kind of record. */
export async function taskFactsOfPeople(
  tenant: Tenant,
  enrolments: Map<string, Pick<Enrolment, "cohortId">[]>,
): Promise<Map<string, TaskFacts>> {
  const personIds = [...enrolments].filter(([, list]) => list.length > 0).map(([id]) => id);
  const facts = new Map<string, TaskFacts>(
    [...enrolments.keys()].map((id) => [
      id,
      { checkIns: [], feedbackCohorts: new Map(), planCohorts: new Map(), cohortCreated: new Map() },
    ]),
  );
  if (personIds.length === 0) return facts;
  const cohortIds = [...new Set(personIds.flatMap((id) => enrolments.get(id)!.map((e) => e.cohortId)))];
  const [talks, asked, plans, planned] = await Promise.all([
    checkInsWithPeople(tenant, personIds),
    tenant.select(
      feedbackRequests,
      {
        personId: feedbackRequests.requesterId,
        cohortId: feedbackRequests.cohortId,
        at: feedbackRequests.createdAt,
      },
      oneOrMany(feedbackRequests.requesterId, personIds),
      inArray(feedbackRequests.cohortId, cohortIds),
    ),
    tenant.select(
      actionPlans,
      { personId: actionPlans.personId, cohortId: actionPlans.cohortId, at: actionPlans.createdAt },
      oneOrMany(actionPlans.personId, personIds),
      isNull(actionPlans.archivedAt),
      inArray(actionPlans.cohortId, cohortIds),
    ),
    tenant.select(cohorts, { id: cohorts.id, createdAt: cohorts.createdAt }, inArray(cohorts.id, cohortIds)),
  ]);
  const created = new Map(planned.map((row) => [row.id, row.createdAt]));
  for (const personId of personIds) {
    const mine = new Set(enrolments.get(personId)!.map((e) => e.cohortId));
    facts.set(personId, {
      checkIns: talks.get(personId)!,
      feedbackCohorts: firstPerCohort(asked.filter((row) => row.personId === personId)),
      planCohorts: firstPerCohort(plans.filter((row) => row.personId === personId)),
      cohortCreated: new Map([...created].filter(([id]) => mine.has(id))),
    });
  }
  return facts;
}

/** The names of the learner's managers: who holds the check-in with her. */
export async function managerNamesOf(tenant: Tenant, personId: string): Promise<string[]> {
  const rows = await tenant
    .select(persons, { name: persons.name }, inArray(persons.id, managerIdsOf(tenant, personId)))
    .orderBy(persons.name);
  return rows.map((row) => row.name);
}
