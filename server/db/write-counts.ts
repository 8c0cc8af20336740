import type { Logger } from "drizzle-orm/logger";

/**
 * Any statement that may change who a session cookie stands for: a person's name, email, locale or
 * status, their roles, or the session rows themselves. Matched on the SQL drizzle sends, so a write
 * added later anywhere in the code (a SCIM deactivation, an erasure, a new sign-in step) counts without
 * anyone remembering to call an invalidation hook.
 */
const IDENTITY_WRITE = /\b(?:insert\s+into|update|delete\s+from)\s+"(?:persons|person_roles|sessions)"/i;

/** The once-a-minute last-seen stamp changes nothing a cached actor holds; the cache moves it itself. */
const LAST_SEEN_ONLY = /^update "sessions" set "last_seen_at" = \$1 where/;

/**
 * Any statement that may change data: a write keyword anywhere, so a write inside a CTE or written by
 * hand counts too. A row lock (`select … for update`) changes nothing and is taken out first. Erring
 * towards counting costs a cache miss, never a stale answer.
 */
const ROW_LOCK = /\bfor\s+(?:no\s+key\s+)?(?:update|share)\b/gi;
const DATA_WRITE = /\b(?:insert|update|delete|truncate|merge|copy)\b/i;

/**
 * Writes that only touch what no learner's answer is built from: the audit trail, sign-ins and
 * sign-outs (a session row holds no learning data; a changed person or role still counts), and the
 * pruning of `data_changes`, the record of other processes' writes (decision 0038).
 */
const OUTSIDE_LEARNER_DATA =
  /^\s*(?:insert\s+into|update|delete\s+from)\s+"?(?:audit_events|sessions|data_changes)"?\s/i;

export function changesData(query: string): boolean {
  if (OUTSIDE_LEARNER_DATA.test(query)) return false;
  return DATA_WRITE.test(query.replace(ROW_LOCK, ""));
}

/**
 * Counts writes, as drizzle's query logger (it sees every statement, inside transactions too, before it
 * runs). `identity` moves on a write to persons, roles or sessions, for the actor cache; `data` on any
 * write that may change a learner's answers, for the Today cache. A cache keeps an entry only while its
 * count is unchanged since the entry was read. Sound on PGlite only: there one process owns the data
 * folder and runs one statement or transaction at a time, so no read can start before a counted write
 * and see data older than it once the write commits (decision 0031).
 */
export class WriteCounts implements Logger {
  identity = 0;
  data = 0;

  logQuery(query: string): void {
    if (LAST_SEEN_ONLY.test(query)) return;
    if (IDENTITY_WRITE.test(query)) this.identity += 1;
    if (changesData(query)) this.data += 1;
  }
}
