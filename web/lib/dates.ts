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
