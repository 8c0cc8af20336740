import type { TodayResponse } from "../../../common/schemas/learning.ts";
import { keepRecent } from "../../db/recent-entries.ts";
import type { Tenant } from "../../db/tenant.ts";
import type { WriteCounts } from "../../db/write-counts.ts";
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
  generation: number;
  readAt: number;
  answer: TodayResponse;
}

/**
 * Today for one learner, kept in memory on PGlite. Learners open Today far more often than anything
 * changes it, and building it takes about fourteen statements. An answer is used again only while no
 * data write has happened since it was read (`WriteCounts.data`: any insert, update or delete, by
 * anyone, seen from the SQL itself, so a write added later anywhere counts without an invalidation
 * hook), for at most half a minute, and never across a midnight. On PostgreSQL, where another process
 * may write, every request reads the database (decision 0031).
 */
export function todayReader(writeCounts: WriteCounts | undefined, read: ReadToday = getToday): ReadToday {
  if (!writeCounts) return read;
  const entries = new Map<string, Entry>();
  return async (tenant, personId, now) => {
    const key = `${tenant.organisationId}:${personId}`;
    const cached = entries.get(key);
    if (cached && stillTrue(cached, writeCounts.data, now)) return cached.answer;
    // The count is taken before reading: a write that lands meanwhile makes the new entry stale at once.
    const generation = writeCounts.data;
    const answer = await read(tenant, personId, now);
    keepRecent(entries, key, { generation, readAt: now.getTime(), answer }, MAX_ENTRIES);
    return answer;
  };
}

function stillTrue(entry: Entry, generation: number, now: Date): boolean {
  const age = now.getTime() - entry.readAt;
  return (
    entry.generation === generation &&
    age >= 0 &&
    age < TODAY_CACHE_MAX_AGE_MS &&
    Math.floor(now.getTime() / QUARTER_HOUR_MS) === Math.floor(entry.readAt / QUARTER_HOUR_MS)
  );
}
