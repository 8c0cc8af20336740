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
 * What one day holds: each practice day by its number (a two-day training whose activities all sit on
 * the first day still shows its second day), then the activities dated that day.
 */
function daysOf(schedule: ScheduledActivity[], sessionDates: string[]) {
  const byDate = new Map<string, { practiceDay: number | null; items: ScheduledActivity[] }>();
  const dayOf = (date: string) => {
    const day = byDate.get(date) ?? { practiceDay: null, items: [] };
    byDate.set(date, day);
    return day;
  };
  sessionDates.forEach((date, index) => (dayOf(date).practiceDay = index + 1));
  for (const item of schedule) dayOf(item.date).items.push(item);
  return byDate;
}

/**
 * The cohort's schedule as month calendars on a laptop and as an agenda on a phone. The two views
 * are switched by CSS (display: none), so a screen reader meets only the one on screen.
 */
export function CohortCalendar({
  schedule,
  sessionDates,
  locale,
}: {
  schedule: ScheduledActivity[];
  sessionDates: string[];
  locale: Locale;
}) {
  const { t } = useTranslation();
  const byDate = daysOf(schedule, sessionDates);
  if (byDate.size === 0) return null;
  const dates = [...byDate.keys()].sort();
  const practiceDayLabel = (number: number | null) =>
    number === null ? null : t("ui.cohorts.practiceDay", { number });
  const movedNote = (item: ScheduledActivity) =>
    item.movedFrom
      ? t("ui.workingWeek.movedNote", { planned: formatDay(item.movedFrom, locale, { dateStyle: "medium" }) })
      : null;
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
                            {byDate.get(date)?.practiceDay ? (
                              <li className="cal-item phase-session">
                                <strong>{practiceDayLabel(byDate.get(date)!.practiceDay)}</strong>
                              </li>
                            ) : null}
                            {(byDate.get(date)?.items ?? []).map((item) => (
                              <li
                                key={item.activityId}
                                className={`cal-item phase-${item.phase}`}
                                title={movedNote(item) ?? undefined}
                              >
                                {item.title}
                                {item.movedFrom ? (
                                  <span className="visually-hidden"> {movedNote(item)}</span>
                                ) : null}
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
            <h3>
              {formatDay(date, locale)}
              {byDate.get(date)!.practiceDay ? (
                <> · {practiceDayLabel(byDate.get(date)!.practiceDay)}</>
              ) : null}
            </h3>
            <ul>
              {byDate.get(date)!.items.map((item) => (
                <li key={item.activityId}>
                  {item.title}{" "}
                  <span className="hint">
                    ({t(`ui.activityTypes.${item.type}`)},{" "}
                    {t("ui.trajectory.minutes", { count: item.durationMinutes })})
                  </span>
                  {item.movedFrom ? <span className="hint moved-note"> {movedNote(item)}</span> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}

/** The cohort's practice days and activities as an iCalendar file, for the trainer's and the room's agenda. */
export function CohortCalendarDownload({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <a className="button-secondary" href={`/api/cohorts/${cohortId}/calendar.ics`} download>
        {t("ui.workingWeek.calendarLink")}
      </a>
      <p className="hint">{t("ui.workingWeek.calendarHint")}</p>
    </div>
  );
}

/** The activities the schedule moved off a day off, from where to where: the reason a date looks odd. */
export function MovedActivities({ schedule, locale }: { schedule: ScheduledActivity[]; locale: Locale }) {
  const { t } = useTranslation();
  const moved = schedule.filter((item) => item.movedFrom);
  if (moved.length === 0) return null;
  const day = (date: string) => formatDay(date, locale, { weekday: "short", day: "numeric", month: "short" });
  return (
    <div className="moved-activities">
      <h3>{t("ui.workingWeek.movedTitle")}</h3>
      <p className="hint">{t("ui.workingWeek.movedIntro")}</p>
      <ul>
        {moved.map((item) => (
          <li key={item.activityId}>
            {t("ui.workingWeek.movedItem", {
              title: item.title,
              from: day(item.movedFrom!),
              to: day(item.date),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
