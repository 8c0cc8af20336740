import type { ScheduledActivity } from "../../../common/schemas/cohorts.ts";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { addDays } from "../../../common/dates.ts";
import type { WorkingCalendar } from "../../../common/working-week.ts";
import { toWorkingDay } from "./working-days.ts";

/** Work that prepares a practice day moves earlier off a day off; everything that follows moves later. */
const preparesPracticeDay = (phase: ScheduledActivity["phase"]) => phase === "before" || phase === "kickoff";

/**
 * Puts a trajectory's activities on a cohort's calendar. Offsets count from the first practice day;
 * a practice-day activity with offset k falls on the cohort's (k+1)-th practice day when there is one,
 * so a two-day training keeps its second-day activities on the real second day. The practice days stay
 * where the coordinator put them (planning refuses a day off); any other activity that would fall on a
 * day off in the organisation's calendar (its working week and its country's public holidays) moves to
 * the nearest working day: earlier for before and kickoff work, later for the rest. The designer's
 * offsets stay as written; only the date a learner sees moves.
 */
export function computeSchedule(
  document: TrajectoryDocument,
  sessionDates: string[],
  calendar: WorkingCalendar,
): ScheduledActivity[] {
  const first = sessionDates[0]!;
  return document.activities
    .map((activity) => {
      const onPracticeDay =
        activity.phase === "session" && activity.offsetDays >= 0 && activity.offsetDays < sessionDates.length;
      const planned = onPracticeDay
        ? sessionDates[activity.offsetDays]!
        : addDays(first, activity.offsetDays);
      const date = onPracticeDay
        ? planned
        : toWorkingDay(planned, preparesPracticeDay(activity.phase) ? "earlier" : "later", calendar);
      return {
        activityId: activity.id ?? "",
        title: activity.title,
        type: activity.type,
        phase: activity.phase,
        date,
        durationMinutes: activity.durationMinutes,
        mandatory: activity.mandatory,
        ...(date === planned ? {} : { movedFrom: planned }),
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
