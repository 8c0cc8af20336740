import { eq } from "drizzle-orm";
import type { ScheduledActivity } from "../../../common/schemas/cohorts.ts";
import { activityProgress } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { oneOrMany } from "../../db/one-or-many.ts";
import { scheduleOf, type Enrolment } from "../cohorts/index.ts";
import { checkInMoment, closedAt, taskFactsOfPeople } from "./task-tools.ts";

/** One activity of a learner's cohort and whether she has done it, as her Today decides it. */
export interface TaskState {
  activityId: string;
  type: ScheduledActivity["type"];
  phase: ScheduledActivity["phase"];
  date: string;
  mandatory: boolean;
  /** Ticked off, or closed by its record (the manager's check-in, her feedback request, her plan). */
  done: boolean;
  /** For a check-in task: the conversation before the practice day or after it. */
  moment: "before" | "after";
}

/**
 * Every activity of the learner's cohorts with whether it is done, by the same rules as her Today list
 * (decision 0015). The manager's team screen and "needs you" read this, so what a learner sees as done
 * and what her manager sees as done can never disagree.
 */
export async function taskStatesOf(
  tenant: Tenant,
  personId: string,
  enrolments: Enrolment[],
): Promise<Map<string, TaskState[]>> {
  return (await taskStatesOfPeople(tenant, new Map([[personId, enrolments]]))).get(personId)!;
}

/** `taskStatesOf` for many learners at once (a manager's team, a digest sweep's group): two queries. */
export async function taskStatesOfPeople(
  tenant: Tenant,
  enrolments: Map<string, Enrolment[]>,
): Promise<Map<string, Map<string, TaskState[]>>> {
  const people = [...enrolments.keys()];
  const [ticked, facts] = await Promise.all([
    people.length === 0
      ? []
      : tenant.select(
          activityProgress,
          {
            personId: activityProgress.personId,
            cohortId: activityProgress.cohortId,
            activityId: activityProgress.activityId,
          },
          oneOrMany(activityProgress.personId, people),
          eq(activityProgress.status, "done"),
        ),
    taskFactsOfPeople(tenant, enrolments),
  ]);
  const isTicked = new Set(ticked.map((row) => `${row.personId}:${row.cohortId}:${row.activityId}`));
  return new Map(
    people.map((personId) => [
      personId,
      new Map(
        enrolments.get(personId)!.map((enrolment) => [
          enrolment.cohortId,
          scheduleOf(enrolment).map((activity) => ({
            activityId: activity.activityId,
            type: activity.type,
            phase: activity.phase,
            date: activity.date,
            mandatory: activity.mandatory,
            done:
              isTicked.has(`${personId}:${enrolment.cohortId}:${activity.activityId}`) ||
              closedAt(enrolment, activity, facts.get(personId)!) !== null,
            moment: checkInMoment(activity.phase),
          })),
        ]),
      ),
    ]),
  );
}
