import type { Scope } from "../../http/scope.ts";
import { translator } from "../../i18n.ts";
import { type CalendarEvent, renderCalendar } from "../calendar/index.ts";
import { authorize } from "./cohorts.policy.ts";
import { getCohort } from "./cohorts.service.ts";

const HOST = "beklijf";

/** A file name a browser saves as it is: the cohort's name in plain letters and digits, else its id. */
function fileNameOf(name: string, cohortId: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `${slug || `cohort-${cohortId}`}.ics`;
}

/**
 * The cohort as an iCalendar file for the trainer and the room: one event per practice day (its programme
 * in the description) and one per activity between them, on the dates learners see. Participants' names
 * stay out: the file is mailed around and pasted into shared room calendars.
 */
export async function cohortCalendar(
  scope: Scope,
  { cohortId, site, organiserEmail }: { cohortId: string; site: string; organiserEmail: string },
): Promise<{ fileName: string; body: string }> {
  authorize(scope.actor, "cohort.plan");
  const cohort = await getCohort(scope, { cohortId });
  const t = translator(scope.locale);
  const url = `${site}/cohorts/${cohort.id}`;
  const minutes = (count: number) => t("ui.trajectory.minutes", { count });
  const onPracticeDay = (date: string) => cohort.sessionDates.includes(date);
  const practiceDays: CalendarEvent[] = cohort.sessionDates.map((date, index) => ({
    uid: `cohort-${cohort.id}-day-${index + 1}@${HOST}`,
    summary: t("ui.workingWeek.practiceDay", { number: index + 1, title: cohort.name }),
    description: [
      cohort.trajectory.title,
      ...cohort.schedule
        .filter((item) => item.date === date)
        .map((item) => `• ${item.title} (${minutes(item.durationMinutes)})`),
    ].join("\n"),
    url,
    date,
  }));
  const activities: CalendarEvent[] = cohort.schedule
    .filter((item) => !onPracticeDay(item.date))
    .map((item) => ({
      uid: `cohort-${cohort.id}-${item.activityId}@${HOST}`,
      summary: item.title,
      description: `${t(`ui.activityTypes.${item.type}`)}, ${minutes(item.durationMinutes)} · ${cohort.name}`,
      url,
      date: item.date,
    }));
  const body = renderCalendar(cohort.name, [...practiceDays, ...activities], scope.now, {
    name: cohort.trajectory.title,
    email: organiserEmail,
  });
  return { fileName: fileNameOf(cohort.name, cohort.id), body };
}
