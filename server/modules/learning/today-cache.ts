import type { TodayResponse } from "../../../common/schemas/learning.ts";
import { keepRecent } from "../../db/recent-entries.ts";
import type { Tenant } from "../../db/tenant.ts";
import type { ChangeMark, ChangeWatch } from "../../db/data-changes.ts";
import { getToday } from "./today.service.ts";

export type ReadToday = (tenant: Tenant, personId: string, now: Date) => Promise<TodayResponse>;

/**
 * How long an answer is kept with no write seen. Only time passing can change Today then (a card that
 * comes due, a plan moment that arrives), so this is how late such a change may show on Today; the
 * practice screen itself always reads afresh.
 */
export const TODAY_CACHE_MAX_AGE_MS = 30_000;
/**
 * An answer is never used across a quarter-hour boundary in UTC. Every time zone's offset is a whole
 * number of quarter hours, so a learner's midnight always falls on such a boundary: a kept answer never
 * carries yesterday's date, tasks or practice budget into today.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
/** Only answers younger than the age limit are of use, so this holds every learner active at once. */
const MAX_ENTRIES = 2_000;

interface Entry {
  mark: ChangeMark;
  readAt: number;
  answer: TodayResponse;
}

/**
 * Today for one learner, kept in memory. Learners open Today far more often than anything changes it,
 * and building it takes about fourteen statements. An answer is used again only while the
 * organisation's data is unchanged since it was read (`ChangeWatch`: on PGlite any write seen in the
 * SQL itself, on PostgreSQL any transaction the tenant tables' triggers noted, from any process), for
 * at most half a minute, and never across a midnight (decisions 0037 and 0038).
 */
export function todayReader(watch: ChangeWatch | undefined, read: ReadToday = getToday): ReadToday {
  if (!watch) return read;
  const entries = new Map<string, Entry>();
  return async (tenant, personId, now) => {
    const key = `${tenant.organisationId}:${personId}`;
    const cached = entries.get(key);
    if (
      cached &&
      youngEnough(cached, now) &&
      (await watch.unchangedSince(tenant.organisationId, cached.mark))
    )
      return cached.answer;
    // The mark is taken before reading: a write that lands meanwhile makes the new entry stale at once.
    const mark = await watch.mark(tenant.organisationId);
    const answer = await read(tenant, personId, now);
    keepRecent(entries, key, { mark, readAt: now.getTime(), answer }, MAX_ENTRIES);
    return answer;
  };
}

function youngEnough(entry: Entry, now: Date): boolean {
  const age = now.getTime() - entry.readAt;
  return (
    age >= 0 &&
    age < TODAY_CACHE_MAX_AGE_MS &&
    Math.floor(now.getTime() / QUARTER_HOUR_MS) === Math.floor(entry.readAt / QUARTER_HOUR_MS)
  );
}
