import { addDays } from "../common/dates.ts";
import { defaultCalendar } from "../common/working-week.ts";
import { toWorkingDay } from "../server/modules/cohorts/working-days.ts";

/**
 * A working day about `days` from today (YYYY-MM-DD) in the demo's calendar (the Netherlands, Monday to
 * Friday): the first one on or after that day, so a practice day planned in a test is never a weekend or
 * a public holiday, which planning refuses. Tests run on any date, Christmas included.
 */
export function workingDayIn(days: number, now = new Date()): string {
  return toWorkingDay(addDays(now.toISOString().slice(0, 10), days), "later", defaultCalendar);
}
