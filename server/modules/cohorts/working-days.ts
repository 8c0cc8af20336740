import Holidays from "date-holidays";
import { addDays } from "../../../common/dates.ts";
import { type Country, isoWeekday, type WorkingCalendar } from "../../../common/working-week.ts";

/**
 * Which days are days off, from the maintained `date-holidays` library rather than a hand-written table.
 * Only holidays of type "public" count: for the Netherlands that is New Year, Easter and Whit Monday,
 * Koningsdag, Ascension and both Christmas days; Bevrijdingsdag (5 May) is "school" in the library,
 * because it is a paid day off only every fifth year by collective agreement, and Good Friday is "school"
 * too, so neither moves an activity. Belgium has ten public holidays, the same in every region (the
 * regions only add observances, such as 11 July in Flanders), so a Belgian organisation needs no region.
 */
const holidaysByCountryYear = new Map<string, ReadonlySet<string>>();
const libraries = new Map<Country, Holidays>();

function library(country: Country): Holidays {
  let found = libraries.get(country);
  if (!found) {
    found = new Holidays(country);
    libraries.set(country, found);
  }
  return found;
}

/** The public holidays of a country in a year, as YYYY-MM-DD, computed once per country and year. */
function publicHolidays(country: Country, year: number): ReadonlySet<string> {
  const key = `${country}|${year}`;
  let days = holidaysByCountryYear.get(key);
  if (!days) {
    days = new Set(
      library(country)
        .getHolidays(year)
        .filter((holiday) => holiday.type === "public")
        // The library writes local dates ("2026-12-25 00:00:00"): the date part is the calendar day.
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    holidaysByCountryYear.set(key, days);
  }
  return days;
}

/** Whether a date is a public holiday in the country. */
export function isPublicHoliday(isoDate: string, country: Country): boolean {
  return publicHolidays(country, Number(isoDate.slice(0, 4))).has(isoDate);
}

/** The holiday's name in the reader's language ("Christmas Day", "Kerstmis"), or null. */
export function holidayName(isoDate: string, country: Country, language: string): string | null {
  if (!isPublicHoliday(isoDate, country)) return null;
  const found = library(country)
    .getHolidays(Number(isoDate.slice(0, 4)), language)
    .find((holiday) => holiday.type === "public" && holiday.date.startsWith(isoDate));
  return found?.name ?? null;
}

/** Why a date is no working day for the organisation, or null when people work that day. */
export function dayOffReason(
  isoDate: string,
  calendar: WorkingCalendar,
): "not_a_working_day" | "public_holiday" | null {
  if (!calendar.workingDays.includes(isoWeekday(isoDate))) return "not_a_working_day";
  if (isPublicHoliday(isoDate, calendar.country)) return "public_holiday";
  return null;
}

export const isWorkingDay = (isoDate: string, calendar: WorkingCalendar) =>
  dayOffReason(isoDate, calendar) === null;

/** Two weeks of Christmas and New Year with a one-day working week still ends well within this. */
const SEARCH_LIMIT = 60;

/**
 * The date itself when people work that day, else the nearest working day in the given direction:
 * "earlier" for work that prepares a practice day (it must be done before), "later" for follow-up work
 * (it cannot be due before the thing it follows). Past the search limit, which only a calendar without
 * working days could reach, the date stays as written rather than wandering off.
 */
export function toWorkingDay(
  isoDate: string,
  direction: "earlier" | "later",
  calendar: WorkingCalendar,
): string {
  const step = direction === "earlier" ? -1 : 1;
  for (let shift = 0; shift <= SEARCH_LIMIT; shift += 1) {
    const candidate = addDays(isoDate, shift * step);
    if (isWorkingDay(candidate, calendar)) return candidate;
  }
  return isoDate;
}
