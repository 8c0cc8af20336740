import type { Database } from "../../db/client.ts";
import type { Actor } from "../../http/context.ts";
import { keepRecent } from "../../db/recent-entries.ts";
import { hashSecret } from "./tokens.ts";
import { findActorBySessionToken, keepSessionAlive, readSession, type SessionOfActor } from "./sessions.ts";

/** Resolves a session cookie to its actor at `now`, or null. */
export type FindActor = (token: string, now: Date) => Promise<Actor | null>;

/**
 * An entry lives at most this long even with no write seen: a second line behind the write count, for a
 * change made outside this process (someone editing the data folder with the app stopped cannot, but a
 * restore can).
 */
export const ACTOR_CACHE_MAX_AGE_MS = 30_000;
/** Bounded memory: past this many live sessions the oldest entries make room. */
const MAX_ENTRIES = 10_000;

interface Entry extends SessionOfActor {
  generation: number;
  readAt: number;
}

/**
 * The session → actor lookup that runs on every signed-in request, cached in memory on PGlite. An entry
 * is used only while no write to persons, roles or sessions has happened since it was read (sign-out,
 * a role change, deactivation, erasure, a new factor: any such statement, `WriteCounts.identity`), and for at
 * most half a minute. Each use still applies the idle and absolute limits and moves last-seen once a
 * minute, exactly as the uncached lookup does. On PostgreSQL, where a second process may end a session
 * this one cannot see, every request reads the database (decision 0031).
 */
export function actorLookup(database: Pick<Database, "db" | "writeCounts">): FindActor {
  const { db, writeCounts } = database;
  if (!writeCounts) return (token, now) => findActorBySessionToken(db, token, now);
  const entries = new Map<string, Entry>();
  return async (token, now) => {
    const key = hashSecret(token);
    const cached = entries.get(key);
    const fresh =
      cached?.generation === writeCounts.identity &&
      Math.abs(now.getTime() - cached.readAt) < ACTOR_CACHE_MAX_AGE_MS;
    if (cached && !fresh) entries.delete(key);
    // The count is taken before reading: a write that lands meanwhile makes the new entry stale at once.
    const generation = writeCounts.identity;
    const read = fresh ? cached : await readSession(db, token);
    if (!read) return null;
    const kept = await keepSessionAlive(db, read, now);
    if (!kept) {
      entries.delete(key);
      return null;
    }
    const entry = fresh
      ? { ...cached, session: kept.session }
      : { ...kept, generation, readAt: now.getTime() };
    keepRecent(entries, key, entry, MAX_ENTRIES);
    return kept.actor;
  };
}
