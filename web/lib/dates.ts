import { intlLocale, type Locale } from "../../common/locales.ts";

/** A calendar date (YYYY-MM-DD) some days from today, for the default value of a date field. */
export function isoDaysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A calendar date (YYYY-MM-DD) as people read it, "wo 25 nov." / "Wed 25 Nov" unless other options are
 * given. Read in UTC: the date is a day, not a moment, so no time zone may shift it.
 */
export function formatDay(
  isoDate: string,
  locale: Locale,
  options: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short" },
): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** A moment as the value of <input type="datetime-local">, in the browser's time zone; now by default. */
export function localDateTimeInput(moment: string | Date = new Date()): string {
  const date = new Date(moment);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of a datetime-local field as an ISO instant; undefined when empty, so the server names it. */
export function instantFromLocalInput(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}
