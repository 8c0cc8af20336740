import { sql } from "drizzle-orm";
import type pg from "pg";
import type { Database, Db } from "./client.ts";

/** What had been written when a kept answer was read: a write count, or a PostgreSQL snapshot. */
export type ChangeMark = number | string;

/**
 * Tells a cache whether an organisation's data may have changed since it read an answer. `mark` is
 * taken before reading, so a write that lands while the answer is being built makes it stale at once.
 */
export interface ChangeWatch {
  mark(organisationId: string): Promise<ChangeMark>;
  unchangedSince(organisationId: string, mark: ChangeMark): Promise<boolean>;
}

/** The embedded database or a server, whichever this process runs on. */
export function changeWatchOf(database: Pick<Database, "writeCounts" | "pool">): ChangeWatch | undefined {
  if (database.writeCounts) return writeCountWatch(database.writeCounts);
  if (database.pool) return snapshotWatch(database.pool);
  return undefined;
}

/**
 * PGlite: one process owns the data folder and runs one statement at a time, so the count of data
 * writes its query logger has seen is exact and costs nothing to read (decision 0037). It does not
 * tell organisations apart: any write counts for all.
 */
function writeCountWatch(counts: { readonly data: number }): ChangeWatch {
  return {
    mark: async () => counts.data,
    unchangedSince: async (_organisationId, mark) => counts.data === mark,
  };
}

/**
 * PostgreSQL: other processes write too. Triggers on every tenant table note each writing transaction
 * per organisation in `data_changes` (migration 0032). The mark is the snapshot taken before reading:
 * an answer is unchanged while no transaction that wrote the organisation's data has committed
 * unseen by that snapshot. A transaction that had committed before it was seen by every read that
 * followed; one still running then, or started later, is not visible in the snapshot. One small
 * statement, no session state, so it holds through PgBouncer's transaction pooling (decision 0038).
 */
function snapshotWatch(pool: pg.Pool): ChangeWatch {
  return {
    mark: async () => {
      const { rows } = await pool.query<{ snapshot: string }>(
        "select pg_current_snapshot()::text as snapshot",
      );
      return rows[0]!.snapshot;
    },
    unchangedSince: async (organisationId, mark) => {
      const { rows } = await pool.query<{ unchanged: boolean }>(UNCHANGED_SINCE, [
        organisationId,
        String(mark),
      ]);
      return rows[0]!.unchanged;
    },
  };
}

// Every transaction below the snapshot's xmin had ended before it was taken, so only the few newer
// rows are read, through the primary key.
const UNCHANGED_SINCE = `select not exists (
  select 1 from data_changes
  where organisation_id = $1 and xid >= pg_snapshot_xmin($2::pg_snapshot)
    and not pg_visible_in_snapshot(xid, $2::pg_snapshot)
) as unchanged`;

/**
 * Forgets changes no kept answer can still be older than. Kept answers live for seconds; a row is kept
 * for ten minutes after its transaction began and until it has ended, so only a transaction writing for
 * longer than ten minutes could be forgotten while an answer read before its commit is still kept.
 */
export async function forgetOldDataChanges(db: Db): Promise<void> {
  await db.execute(sql`delete from data_changes
    where noted_at < clock_timestamp() - interval '10 minutes'
      and xid < pg_snapshot_xmin(pg_current_snapshot())`);
}
