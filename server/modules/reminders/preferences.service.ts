import { randomBytes } from "node:crypto";
import { eq, isNull, ne, or } from "drizzle-orm";
import type { LearningPreferences } from "../../../common/schemas/learning.ts";
import { learnerPreferences, persons } from "../../db/schema/index.ts";
import type { Db } from "../../db/client.ts";
import { oneOrMany } from "../../db/one-or-many.ts";
import type { Tenant } from "../../db/tenant.ts";
import { invalid, notFound } from "../../errors.ts";
import { todayIn } from "../../../common/dates.ts";
import type { Scope } from "../../http/scope.ts";
import { authorize } from "../organisations/index.ts";
import { recordStatement } from "../xapi/index.ts";
import { recordAudit } from "../../audit.ts";

const defaults: LearningPreferences = {
  nudgeFrequency: "twice-weekly",
  pausedUntil: null,
  interviewConsent: false,
  noticeEmails: true,
};

const present = (row: typeof learnerPreferences.$inferSelect): LearningPreferences => ({
  nudgeFrequency: row.nudgeFrequency,
  pausedUntil: row.pausedUntil,
  interviewConsent: row.interviewConsent,
  noticeEmails: row.noticeEmails,
});

async function preferencesOf(tenant: Tenant, personId: string) {
  const [row] = await tenant.selectRows(learnerPreferences, eq(learnerPreferences.personId, personId));
  return row ?? null;
}

/**
 * A pause ending before today (in the person's own time zone) would pause nothing and look like a
 * typing error kept for ever ("until 2020"), so it is refused; ending a pause is `null`, not a past date.
 */
async function refusePastPause(
  tenant: Tenant,
  personId: string,
  pausedUntil: string | null | undefined,
  now: Date,
): Promise<void> {
  if (!pausedUntil) return;
  const [person] = await tenant.select(persons, { timeZone: persons.timeZone }, eq(persons.id, personId));
  if (!person) throw notFound("person");
  if (pausedUntil < todayIn(person.timeZone, now)) throw invalid("pausedUntil", "date_in_past");
}

/** The learner's own nudge frequency, pause and interview consent (defaults until they choose). */
export async function getPreferences({ tenant, actor }: Scope): Promise<LearningPreferences> {
  const row = await preferencesOf(tenant, actor.personId);
  return row ? present(row) : defaults;
}

async function upsert(
  tenant: Tenant,
  personId: string,
  patch: Partial<typeof learnerPreferences.$inferInsert>,
) {
  await tenant.db
    .insert(learnerPreferences)
    .values(tenant.row({ personId, ...patch }))
    .onConflictDoUpdate({
      target: [learnerPreferences.organisationId, learnerPreferences.personId],
      set: patch,
    });
}

/** The learner's own choice of nudges and pause. Every change is an xAPI "preferred" or "suspended". */
export async function updatePreferences(
  scope: Scope,
  patch: Partial<LearningPreferences>,
): Promise<LearningPreferences> {
  const { tenant, actor, now, site } = scope;
  // An empty change changes nothing and records nothing.
  if (Object.keys(patch).length === 0) return getPreferences(scope);
  // An old pause that has run out may come back unchanged with a change of frequency: that is no new pause.
  const stored = await preferencesOf(tenant, actor.personId);
  if (patch.pausedUntil !== stored?.pausedUntil)
    await refusePastPause(tenant, actor.personId, patch.pausedUntil, now);
  await tenant.transaction(async (tx) => {
    await upsert(tx, actor.personId, patch);
    await recordStatement(tx, site, {
      personId: actor.personId,
      verb: patch.pausedUntil ? "suspended" : patch.pausedUntil === null ? "resumed" : "preferred",
      object: { path: "profile/learning-preferences", name: "Learning preferences", type: "profile" },
      timestamp: now,
      stored: now,
    });
  });
  return getPreferences(scope);
}

/** A coordinator pauses practice for someone on leave; nothing is lost, the backlog is spread after. */
export async function setPause(
  { tenant, actor, now }: Scope,
  { personId, pausedUntil }: { personId: string; pausedUntil: string | null },
): Promise<LearningPreferences> {
  authorize(actor, "people.manage");
  const [person] = await tenant.select(persons, { id: persons.id }, eq(persons.id, personId));
  if (!person) throw notFound("person");
  await refusePastPause(tenant, personId, pausedUntil, now);
  await tenant.transaction(async (tx) => {
    await upsert(tx, personId, { pausedUntil });
    await recordAudit(tx, actor, "learning.paused", { type: "person", id: personId }, { pausedUntil });
  });
  const row = await preferencesOf(tenant, personId);
  return present(row!);
}

const newFeedToken = () => randomBytes(24).toString("base64url");

/** The learner's private calendar address; made on first request and kept until revoked. */
export async function calendarFeedUrl({ tenant, actor, site }: Scope): Promise<string> {
  let token = (await preferencesOf(tenant, actor.personId))?.calendarToken;
  if (!token) {
    token = newFeedToken();
    await upsert(tenant, actor.personId, { calendarToken: token });
  }
  return `${site}/api/calendar-feeds/${token}.ics`;
}

/** Revoking makes the old address stop working at once; the next request makes a new one. */
export async function revokeCalendarFeed({ tenant, actor }: Scope): Promise<void> {
  await upsert(tenant, actor.personId, { calendarToken: null });
}

/**
 * Claims a sweep's stamp (`lastNudgedOn`, `lastDigestOn`) for `day` for each of `personIds` in two
 * statements, inside the transaction that queues their emails: the ones whose stamp this call claimed.
 * Someone already stamped for that day (an earlier run, a second process) is left out, so no one gets a
 * second email.
 */
export async function claimStamps(
  tx: Tenant,
  personIds: string[],
  stamp: "lastNudgedOn" | "lastDigestOn",
  day: string,
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  await tx.db
    .insert(learnerPreferences)
    .values(personIds.map((personId) => tx.row({ personId })))
    .onConflictDoNothing();
  const column = learnerPreferences[stamp];
  const claimed = await tx.db
    .update(learnerPreferences)
    .set({ [stamp]: day })
    .where(
      tx.where(
        learnerPreferences,
        oneOrMany(learnerPreferences.personId, personIds),
        or(isNull(column), ne(column, day)),
      ),
    )
    .returning({ personId: learnerPreferences.personId });
  return new Set(claimed.map((row) => row.personId));
}

/**
 * Each recipient of a sweep with their preferences and stamps, or null for someone who never set any.
 * Unscoped on purpose: a sweep reads every organisation's rows, each keyed by its own organisation.
 */
export async function withPreferences<R extends { organisationId: string; personId: string }>(
  db: Db,
  recipients: R[],
): Promise<(R & { preferences: typeof learnerPreferences.$inferSelect | null })[]> {
  const rows = await db.select().from(learnerPreferences);
  const byPerson = new Map(rows.map((row) => [`${row.organisationId}/${row.personId}`, row]));
  return recipients.map((r) => ({
    ...r,
    preferences: byPerson.get(`${r.organisationId}/${r.personId}`) ?? null,
  }));
}
