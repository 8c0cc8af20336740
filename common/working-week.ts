/**
 * An organisation's working calendar as the server and the web app both know it: the country whose
 * public holidays count, and the ISO weekdays (1 is Monday … 7 is Sunday) on which people work.
 */
export const countries = ["NL", "BE"] as const;
export type Country = (typeof countries)[number];

export interface WorkingCalendar {
  country: Country;
  workingDays: readonly number[];
}

/** Monday to Friday: the default working week in the Netherlands and Belgium. */
export const defaultWorkingDays = [1, 2, 3, 4, 5] as const;

export const defaultCalendar: WorkingCalendar = { country: "NL", workingDays: defaultWorkingDays };

/** The ISO weekday (1 Monday … 7 Sunday) of a calendar date, in UTC so no time zone can shift it. */
export function isoWeekday(isoDate: string): number {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
