/** Calendar dates (YYYY-MM-DD) shared by the server and the web app. Pure; no clock of their own. */

/** Adds whole days to a calendar date (YYYY-MM-DD), in UTC so daylight saving cannot shift it. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date in a time zone, as YYYY-MM-DD. Formatters are kept: making one costs more than using it. */
export function todayIn(timeZone: string, now: Date): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dateFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** The date itself when it is a working day (Monday to Friday), else the Monday after. */
export function workingDayOnOrAfter(isoDate: string): string {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday === 6 ? addDays(isoDate, 2) : weekday === 0 ? addDays(isoDate, 1) : isoDate;
}
