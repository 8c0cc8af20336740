import type { Locale } from "../../../common/locales.ts";
import type { NudgeFrequency, TodayItem } from "../../../common/schemas/learning.ts";
import type { Db } from "../../db/client.ts";
import { cohortParticipants } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { translator } from "../../i18n.ts";
import { getToday } from "../learning/index.ts";
import { enqueueEmail, findRecipients, hasRowIn } from "../notifications/index.ts";
import { letRequestsThrough } from "../../jobs/let-requests-through.ts";
import { claimStamp, withPreferences } from "./preferences.service.ts";
import { localClock, todayIn } from "../../../common/dates.ts";

/** Nudges go out from this local hour on, never at night. */
export const NUDGE_HOUR = 7;

const nudgeDays: Record<NudgeFrequency, number[]> = {
  daily: [1, 2, 3, 4, 5, 6, 0],
  "twice-weekly": [1, 4],
  weekly: [1],
  off: [],
};

/** Whether today is one of the learner's nudge days and it is late enough in their morning. */
export function isNudgeMoment(frequency: NudgeFrequency, timeZone: string, now: Date): boolean {
  const { weekday, hour } = localClock(timeZone, now);
  return hour >= NUDGE_HOUR && nudgeDays[frequency].includes(weekday);
}

/** Every active learner in a cohort, in every organisation, with their preferences and stamps. */
async function candidates(db: Db) {
  return withPreferences(db, await findRecipients(db, hasRowIn(db, cohortParticipants)));
}

type Candidate = Awaited<ReturnType<typeof candidates>>[number];

const pending = (items: TodayItem[]) => items.filter((item) => item.kind !== "practice-day");

/**
 * The reminder sweep: a short email, in the learner's language, to each learner whose nudge day it is
 * and who has something open. At most one a day (the `lastNudgedOn` stamp is claimed before the email
 * is queued, in one transaction), never while paused, never when there is nothing to do.
 */
export async function sendNudges(db: Db, site: string, now: Date): Promise<number> {
  let sent = 0;
  for (const candidate of await candidates(db)) {
    await letRequestsThrough();
    const { preferences } = candidate;
    const frequency = preferences?.nudgeFrequency ?? "twice-weekly";
    const today = todayIn(candidate.timeZone, now);
    if (preferences?.lastNudgedOn === today) continue;
    if (preferences?.pausedUntil && preferences.pausedUntil >= today) continue;
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
    const { locale } = candidate;
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
