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
 * Counts writes to the identity tables, as drizzle's query logger (it sees every statement, inside
 * transactions too, before it runs). The actor cache keeps an entry only while the count is unchanged
 * since the entry was read. Sound on PGlite only: there one process owns the data folder and runs one
 * statement or transaction at a time, so no read can start before a counted write and see data older
 * than it once the write commits (decision 0031).
 */
export class IdentityWrites implements Logger {
  generation = 0;

  logQuery(query: string): void {
    if (IDENTITY_WRITE.test(query) && !LAST_SEEN_ONLY.test(query)) this.generation += 1;
  }
}
