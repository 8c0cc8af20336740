import type { ScheduledActivity } from "../../../common/schemas/cohorts.ts";

/** What the schedule says of an activity, as the Today list and the activity screen both show it. */
export function presentScheduled(activity: ScheduledActivity) {
  const { title, type, phase, date, durationMinutes, mandatory } = activity;
  return { title, type, phase, date, durationMinutes, mandatory };
}
