import { formatNumber } from "../../../common/format.ts";
import { intlLocale, type Locale } from "../../../common/locales.ts";
import { quarterHours } from "./hours.ts";

/** A calendar date as the document's reader writes it ("9 March 2026", "9 maart 2026"). */
export function formatLongDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** Minutes as hours in the reader's language, to the quarter hour below ("6.5", "6,5"). */
export const formatHours = (minutes: number, locale: Locale): string =>
  formatNumber(quarterHours(minutes), locale, 2);
