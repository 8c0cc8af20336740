import { eq } from "drizzle-orm";
import { type Locale, recipientLocale } from "../../../common/locales.ts";
import type { Db } from "../../db/client.ts";
import { learnerPreferences, organisations, persons } from "../../db/schema/index.ts";
import { sameOrganisation, Tenant } from "../../db/tenant.ts";
import { notFound } from "../../errors.ts";
import { translator } from "../../i18n.ts";
import { type CalendarEvent, renderCalendar } from "../calendar/index.ts";
import { scheduleOf } from "../cohorts/index.ts";
import { plansOf } from "../action-plans/index.ts";
import { enrolmentsOf } from "../cohorts/index.ts";
import { getToday } from "../learning/index.ts";

const HOST = "beklijf";

/**
 * The learner's private feed: practice days, their open activities on their dates, and today's
 * practice when cards are due. Whole-day events need no time zone; calendar apps show them on the date.
 */
export async function renderFeed(
  db: Db,
  { token, site, now, organiserEmail }: { token: string; site: string; now: Date; organiserEmail: string },
): Promise<string> {
  // Unscoped on purpose: the secret token is the only thing a calendar app sends, and it names the tenant.
  const [row] = await db
    .select({
      person: persons,
      defaultLocale: organisations.defaultLocale,
      organisationName: organisations.name,
    })
    .from(learnerPreferences)
    .innerJoin(
      persons,
      sameOrganisation(persons, learnerPreferences, eq(persons.id, learnerPreferences.personId)),
    )
    .innerJoin(organisations, eq(organisations.id, learnerPreferences.organisationId))
    .where(eq(learnerPreferences.calendarToken, token));
  if (!row || row.person.status === "deactivated" || row.person.erasedAt) throw notFound("feed");
  const tenant = new Tenant(db, row.person.organisationId);
  const locale: Locale = recipientLocale(row.person.locale, row.defaultLocale);
  const t = translator(locale);
  const today = await getToday(tenant, row.person.id, now);
  const events: CalendarEvent[] = [];
  const seen = new Set<string>();
  for (const item of [...today.items, ...today.menu, ...today.upcoming]) {
    // Practice gets one event below; plans get timed events at their expected moment.
    if (item.kind === "practice" || item.kind === "plan") continue;
    seen.add(item.key);
    events.push({
      uid: `${item.key}@${HOST}`,
      summary: item.kind === "practice-day" ? t("ui.today.practiceDay", { title: item.title }) : item.title,
      description: item.cohortName,
      url: `${site}${item.href}`,
      date: item.date,
    });
  }
  // Practice days further ahead than the week shown on the Today screen still belong in the calendar.
  const enrolments = await enrolmentsOf(tenant, row.person.id);
  for (const enrolment of enrolments) {
    for (const activity of scheduleOf(enrolment)) {
      const key = `${enrolment.cohortId}:${activity.activityId}`;
      if (activity.type !== "practice-session" || activity.date < today.date || seen.has(key)) continue;
      seen.add(key);
      events.push({
        uid: `${key}@${HOST}`,
        summary: t("ui.today.practiceDay", { title: activity.title }),
        description: enrolment.cohortName,
        url: `${site}/learn/${enrolment.cohortId}/${activity.activityId}`,
        date: activity.date,
      });
    }
  }
  // An if-then plan's expected moment, as a timed event: the reminder arrives when the situation does.
  for (const plan of await plansOf(tenant, row.person.id, locale)) {
    events.push({
      uid: `plan-${plan.id}@${HOST}`,
      summary: t("ui.plans.calendarEvent", { action: plan.action }),
      description: t("ui.plans.calendarDescription", { situation: plan.situation, action: plan.action }),
      url: `${site}/plans`,
      start: new Date(plan.firstMoment),
      durationMinutes: 30,
    });
  }
  const practice = today.items.find((item) => item.kind === "practice");
  if (practice) {
    events.push({
      uid: `practice-${today.date}-${row.person.id}@${HOST}`,
      summary: t("ui.today.practiceTitle"),
      url: `${site}/practice`,
      date: today.date,
    });
  }
  return renderCalendar(t("ui.today.calendarName"), events, now, {
    name: row.organisationName,
    email: organiserEmail,
  });
}
