import { and, eq, isNull } from "drizzle-orm";
import { type Locale, recipientLocale } from "../../../common/locales.ts";
import type { NudgeFrequency, TodayItem } from "../../../common/schemas/learning.ts";
import type { Db } from "../../db/client.ts";
import { cohortParticipants, learnerPreferences, organisations, persons } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { translator } from "../../i18n.ts";
import { getToday } from "../learning/index.ts";
import { enqueueEmail } from "../notifications/index.ts";
import { claimStamp } from "./preferences.service.ts";
import { todayIn } from "../../../common/dates.ts";

/** Nudges go out from this local hour on, never at night. */
export const NUDGE_HOUR = 7;

const nudgeDays: Record<NudgeFrequency, number[]> = {
  daily: [1, 2, 3, 4, 5, 6, 0],
  "twice-weekly": [1, 4],
  weekly: [1],
  off: [],
};

function localClock(timeZone: string, now: Date): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "numeric",
    hourCycle: "h23",
  })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {});
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday ?? "");
  return { weekday, hour: Number(parts.hour) };
}

/** Whether today is one of the learner's nudge days and it is late enough in their morning. */
export function isNudgeMoment(frequency: NudgeFrequency, timeZone: string, now: Date): boolean {
  const { weekday, hour } = localClock(timeZone, now);
  return hour >= NUDGE_HOUR && nudgeDays[frequency].includes(weekday);
}

interface Candidate {
  organisationId: string;
  personId: string;
  name: string;
  email: string;
  locale: string | null;
  defaultLocale: string;
  timeZone: string;
  frequency: NudgeFrequency | null;
  pausedUntil: string | null;
  lastNudgedOn: string | null;
}

async function candidates(db: Db): Promise<Candidate[]> {
  return db
    .selectDistinct({
      organisationId: persons.organisationId,
      personId: persons.id,
      name: persons.name,
      email: persons.email,
      locale: persons.locale,
      defaultLocale: organisations.defaultLocale,
      timeZone: persons.timeZone,
      frequency: learnerPreferences.nudgeFrequency,
      pausedUntil: learnerPreferences.pausedUntil,
      lastNudgedOn: learnerPreferences.lastNudgedOn,
    })
    .from(cohortParticipants)
    .innerJoin(
      persons,
      and(
        eq(persons.organisationId, cohortParticipants.organisationId),
        eq(persons.id, cohortParticipants.personId),
      ),
    )
    .innerJoin(organisations, eq(organisations.id, persons.organisationId))
    .leftJoin(
      learnerPreferences,
      and(
        eq(learnerPreferences.organisationId, persons.organisationId),
        eq(learnerPreferences.personId, persons.id),
      ),
    )
    .where(and(eq(persons.status, "active"), isNull(persons.erasedAt)));
}

const pending = (items: TodayItem[]) => items.filter((item) => item.kind !== "practice-day");

/**
 * The reminder sweep: a short email, in the learner's language, to each learner whose nudge day it is
 * and who has something open. At most one a day (the `lastNudgedOn` stamp is claimed before the email
 * is queued, in one transaction), never while paused, never when there is nothing to do.
 */
export async function sendNudges(db: Db, site: string, now: Date): Promise<number> {
  let sent = 0;
  for (const candidate of await candidates(db)) {
    const frequency = candidate.frequency ?? "twice-weekly";
    const today = todayIn(candidate.timeZone, now);
    if (candidate.lastNudgedOn === today) continue;
    if (candidate.pausedUntil && candidate.pausedUntil >= today) continue;
    if (!isNudgeMoment(frequency, candidate.timeZone, now)) continue;
    const tenant = new Tenant(db, candidate.organisationId);
    const todo = pending((await getToday(tenant, candidate.personId, now)).items);
    if (todo.length === 0) continue;
    if (await claimAndQueue(tenant, candidate, today, todo, site)) sent += 1;
  }
  return sent;
}

async function claimAndQueue(
  tenant: Tenant,
  candidate: Candidate,
  today: string,
  todo: TodayItem[],
  site: string,
): Promise<boolean> {
  return tenant.transaction(async (tx) => {
    if (!(await claimStamp(tx, candidate.personId, "lastNudgedOn", today))) return false;
    const locale: Locale = recipientLocale(candidate.locale, candidate.defaultLocale);
    await enqueueEmail(tx, candidate.email, locale, {
      template: "learning-nudge",
      params: {
        name: candidate.name,
        count: todo.length,
        minutes: todo.reduce((sum, item) => sum + item.durationMinutes, 0),
        list: todo.map((item) => `- ${describe(item, locale)} (${item.durationMinutes} min)`).join("\n"),
        link: `${site}${todo[0]!.href}`,
        settingsLink: `${site}/profile#reminders`,
      },
    });
    return true;
  });
}

function describe(item: TodayItem, locale: Locale): string {
  const t = translator(locale);
  if (item.kind === "practice") return t("ui.today.practiceTitle");
  if (item.kind === "extra-material") return t("ui.today.extraMaterial", { competence: item.title });
  if (item.kind === "plan") return t("ui.today.planMoment", { action: item.title });
  return item.title;
}
