/** Calendar dates (YYYY-MM-DD) shared by the server and the web app. Pure; no clock of their own. */

/** Adds whole days to a calendar date (YYYY-MM-DD), in UTC so daylight saving cannot shift it. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A formatter per time zone and use, kept: making one costs more than using it. */
function formatIn(timeZone: string, use: "date" | "clock"): Intl.DateTimeFormat {
  const key = `${use}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format =
      use === "date"
        ? new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
        : new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "numeric", hourCycle: "h23" });
    formats.set(key, format);
  }
  return format;
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date): string {
  return formatIn(timeZone, "date").format(now);
}

const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/**
 * The day of the week (0 is Sunday) and the hour (0–23) on the clock in a time zone: when a sweep may
 * write to someone ("Monday from 08:00 their time").
 */
export function localClock(timeZone: string, now: Date): { weekday: number; hour: number } {
  const parts = Object.fromEntries(
    formatIn(timeZone, "clock")
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { weekday: weekdays.indexOf(parts.weekday ?? ""), hour: Number(parts.hour) };
}
