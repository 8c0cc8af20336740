import type { Locale } from "../../../common/locales.ts";
import type { NudgeFrequency, TodayItem } from "../../../common/schemas/learning.ts";
import type { Db } from "../../db/client.ts";
import { cohortParticipants } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { translator } from "../../i18n.ts";
import { getTodays } from "../learning/index.ts";
import { enqueueEmails, findRecipients, hasRowIn } from "../notifications/index.ts";
import { groupsOf } from "../../jobs/sweep-groups.ts";
import { letRequestsThrough } from "../../jobs/let-requests-through.ts";
import { claimStamps, withPreferences } from "./preferences.service.ts";
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
 * Learners whose Today is built together: one query per kind of record for the whole group. Small
 * enough that one group's queries leave room for requests in between (PGlite answers on this thread).
 */
const GROUP_SIZE = 100;

/** Whether the candidate is due a nudge now: their nudge moment, not paused, not nudged today yet. */
function dueANudge({ preferences, timeZone }: Candidate, now: Date): boolean {
  const today = todayIn(timeZone, now);
  if (preferences?.lastNudgedOn === today) return false;
  if (preferences?.pausedUntil && preferences.pausedUntil >= today) return false;
  return isNudgeMoment(preferences?.nudgeFrequency ?? "twice-weekly", timeZone, now);
}

/**
 * The reminder sweep: a short email, in the learner's language, to each learner whose nudge day it is
 * and who has something open. At most one a day (the `lastNudgedOn` stamp is claimed before the email
 * is queued, in one transaction), never while paused, never when there is nothing to do. Today is
 * built for a group of learners at a time, with the same code as the learner's own Today.
 */
export async function sendNudges(db: Db, site: string, now: Date): Promise<number> {
  let sent = 0;
  const due = (await candidates(db)).filter((candidate) => dueANudge(candidate, now));
  for (const group of groupsOf(due, GROUP_SIZE, (candidate) => candidate.organisationId)) {
    await letRequestsThrough();
    const tenant = new Tenant(db, group[0]!.organisationId);
    const todays = await getTodays(
      tenant,
      group.map((candidate) => candidate.personId),
      now,
    );
    const nudges = group
      .map((candidate) => ({ candidate, todo: pending(todays.get(candidate.personId)?.items ?? []) }))
      .filter(({ todo }) => todo.length > 0);
    sent += await claimAndQueue(tenant, nudges, now, site);
  }
  return sent;
}

type Nudge = { candidate: Candidate; todo: TodayItem[] };

/** Claims each learner's stamp for their today and queues the emails of those claimed, in one transaction. */
async function claimAndQueue(tenant: Tenant, nudges: Nudge[], now: Date, site: string): Promise<number> {
  if (nudges.length === 0) return 0;
  return tenant.transaction(async (tx) => {
    const claimed: Nudge[] = [];
    const dayOf = (nudge: Nudge) => todayIn(nudge.candidate.timeZone, now);
    for (const day of new Set(nudges.map(dayOf))) {
      const onThatDay = nudges.filter((nudge) => dayOf(nudge) === day);
      const ids = await claimStamps(
        tx,
        onThatDay.map((nudge) => nudge.candidate.personId),
        "lastNudgedOn",
        day,
      );
      claimed.push(...onThatDay.filter((nudge) => ids.has(nudge.candidate.personId)));
    }
    await enqueueEmails(
      tx,
      claimed.map((nudge) => nudgeEmail(nudge, site)),
    );
    return claimed.length;
  });
}

function nudgeEmail({ candidate, todo }: Nudge, site: string) {
  const { locale } = candidate;
  return {
    to: candidate.email,
    locale,
    email: {
      template: "learning-nudge" as const,
      params: {
        name: candidate.name,
        count: todo.length,
        minutes: todo.reduce((sum, item) => sum + item.durationMinutes, 0),
        list: todo.map((item) => `- ${describe(item, locale)} (${item.durationMinutes} min)`).join("\n"),
        link: `${site}${todo[0]!.href}`,
        settingsLink: `${site}/profile#reminders`,
      },
    },
  };
}

function describe(item: TodayItem, locale: Locale): string {
  const t = translator(locale);
  if (item.kind === "practice") return t("ui.today.practiceTitle");
  if (item.kind === "extra-material") return t("ui.today.extraMaterial", { competence: item.title });
  if (item.kind === "plan") return t("ui.today.planMoment", { action: item.title });
  return item.title;
}
