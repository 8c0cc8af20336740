import { eq } from "drizzle-orm";
import type { ScheduledActivity } from "../../../common/schemas/cohorts.ts";
import { activityProgress } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { scheduleOf, type Enrolment } from "../cohorts/index.ts";
import { checkInMoment, closedAt, taskFactsOf } from "./task-tools.ts";

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
  const [ticked, facts] = await Promise.all([
    tenant.select(
      activityProgress,
      { cohortId: activityProgress.cohortId, activityId: activityProgress.activityId },
      eq(activityProgress.personId, personId),
      eq(activityProgress.status, "done"),
    ),
    taskFactsOf(tenant, personId, enrolments),
  ]);
  const isTicked = (cohortId: string, activityId: string) =>
    ticked.some((row) => row.cohortId === cohortId && row.activityId === activityId);
  return new Map(
    enrolments.map((enrolment) => [
      enrolment.cohortId,
      scheduleOf(enrolment).map((activity) => ({
        activityId: activity.activityId,
        type: activity.type,
        phase: activity.phase,
        date: activity.date,
        mandatory: activity.mandatory,
        done:
          isTicked(enrolment.cohortId, activity.activityId) || closedAt(enrolment, activity, facts) !== null,
        moment: checkInMoment(activity.phase),
      })),
    ]),
  );
}
