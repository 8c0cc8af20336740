import { useTranslation } from "react-i18next";
import { intlLocale, type Locale } from "../../../common/locales.ts";
import type { ScheduledActivity } from "../../../common/schemas/cohorts.ts";
import { ColumnHeadings } from "../../components/responsive-table.tsx";

/** A calendar date (YYYY-MM-DD) in full, or in the parts `options` asks for; never shifted by a zone. */
export function formatDay(
  isoDate: string,
  locale: Locale,
  options: Intl.DateTimeFormatOptions = { dateStyle: "full" },
): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** The months (YYYY-MM) from the first to the last scheduled date. */
function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split("-").map(Number) as [number, number];
  const [endYear, endMonth] = last.split("-").map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Weeks of a month as rows of 7 ISO dates (Monday first), null outside the month. */
function weeksOf(yearMonth: string): (string | null)[][] {
  const [year, month] = yearMonth.split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= days; day++) cells.push(`${yearMonth}-${String(day).padStart(2, "0")}`);
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/**
 * The cohort's schedule as month calendars on a laptop and as an agenda on a phone. The two views
 * are switched by CSS (display: none), so a screen reader meets only the one on screen.
 */
export function CohortCalendar({ schedule, locale }: { schedule: ScheduledActivity[]; locale: Locale }) {
  const { t } = useTranslation();
  if (schedule.length === 0) return null;
  const byDate = new Map<string, ScheduledActivity[]>();
  for (const item of schedule) byDate.set(item.date, [...(byDate.get(item.date) ?? []), item]);
  const dates = [...byDate.keys()].sort();
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(intlLocale(locale), { weekday: "short", timeZone: "UTC" }).format(
      new Date(Date.UTC(2024, 0, 1 + i)),
    ),
  );
  return (
    <>
      <div className="calendar-months">
        {monthsBetween(dates[0]!, dates.at(-1)!).map((yearMonth) => (
          <table key={yearMonth} className="calendar">
            <caption>{formatDay(`${yearMonth}-01`, locale, { month: "long", year: "numeric" })}</caption>
            <ColumnHeadings headings={weekdays} />
            <tbody>
              {weeksOf(yearMonth).map((week, index) => (
                <tr key={index}>
                  {week.map((date, dayIndex) => (
                    <td
                      key={date ?? `empty-${dayIndex}`}
                      className={date && byDate.has(date) ? "has-items" : undefined}
                    >
                      {date ? (
                        <>
                          <span className="day-number">{Number(date.slice(8))}</span>
                          <ul>
                            {(byDate.get(date) ?? []).map((item) => (
                              <li key={item.activityId} className={`cal-item phase-${item.phase}`}>
                                {item.title}
                              </li>
                            ))}
                          </ul>
                        </>
                      ) : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <ol className="agenda">
        {dates.map((date) => (
          <li key={date}>
            <h3>{formatDay(date, locale)}</h3>
            <ul>
              {byDate.get(date)!.map((item) => (
                <li key={item.activityId}>
                  {item.title}{" "}
                  <span className="hint">
                    ({t(`ui.activityTypes.${item.type}`)},{" "}
                    {t("ui.trajectory.minutes", { count: item.durationMinutes })})
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}
