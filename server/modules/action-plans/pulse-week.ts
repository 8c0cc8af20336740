import { addDays, todayIn } from "../../../common/dates.ts";

/**
 * The week a pulse belongs to: the Monday that starts the ISO week of `today` (YYYY-MM-DD). Weeks are
 * the learner's own: `today` is their date in their time zone, so a tap late on Sunday evening in
 * Amsterdam still counts for that week, whatever the server's clock says in UTC.
 */
export function weekStart(today: string): string {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  // getUTCDay: 0 is Sunday, which ends an ISO week rather than starting one.
  return addDays(today, -((weekday + 6) % 7));
}

/** The Monday of the learner's current week, from the clock and their time zone. */
export const pulseWeek = (timeZone: string, now: Date): string => weekStart(todayIn(timeZone, now));

/** How many weeks of pulses a plan shows: enough to see a trend, short enough to read at a glance. */
export const PULSE_HISTORY_WEEKS = 6;

/** The Monday `PULSE_HISTORY_WEEKS` weeks back from `week`: older pulses are not shown. */
export const historyStart = (week: string): string => addDays(week, -7 * (PULSE_HISTORY_WEEKS - 1));
