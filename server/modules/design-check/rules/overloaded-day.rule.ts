import { defineRule } from "../design-rule.ts";

/** Outside practice days, more mandatory work than this on one day competes with the job itself. */
export const MAX_WORKDAY_MINUTES = 120;

export default defineRule({
  id: "overloaded-day",
  evidence: ["latimier-2021-spacing"],
  check(doc) {
    const minutesByDay = new Map<number, number>();
    for (const activity of doc.activities) {
      if (!activity.mandatory || activity.phase === "session") continue;
      minutesByDay.set(
        activity.offsetDays,
        (minutesByDay.get(activity.offsetDays) ?? 0) + activity.durationMinutes,
      );
    }
    const [day, minutes] = [...minutesByDay.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
    return minutes > MAX_WORKDAY_MINUTES ? { severity: "low", params: { day, minutes } } : null;
  },
});
