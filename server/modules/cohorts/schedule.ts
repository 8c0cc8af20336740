import type { ScheduledActivity } from "../../../common/schemas/cohorts.ts";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { addDays } from "../../../common/dates.ts";

/**
 * Puts a trajectory's activities on a cohort's calendar. Offsets count from the first practice day;
 * a practice-day activity with offset k falls on the cohort's (k+1)-th practice day when there is one,
 * so a two-day training keeps its second-day activities on the real second day.
 */
export function computeSchedule(document: TrajectoryDocument, sessionDates: string[]): ScheduledActivity[] {
  const first = sessionDates[0]!;
  return document.activities
    .map((activity) => {
      const onPracticeDay =
        activity.phase === "session" && activity.offsetDays >= 0 && activity.offsetDays < sessionDates.length;
      const date = onPracticeDay ? sessionDates[activity.offsetDays]! : addDays(first, activity.offsetDays);
      return {
        activityId: activity.id ?? "",
        title: activity.title,
        type: activity.type,
        phase: activity.phase,
        date,
        durationMinutes: activity.durationMinutes,
        mandatory: activity.mandatory,
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Every activity's date for every participant. */
export function assignSchedule(schedule: ScheduledActivity[], personIds: string[]) {
  return personIds.flatMap((personId) =>
    schedule.map((item) => ({ personId, activityId: item.activityId, date: item.date })),
  );
}
