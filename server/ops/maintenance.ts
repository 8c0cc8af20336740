import type { Logger } from "pino";
import type { Database } from "../db/client.ts";

/**
 * The nightly database care (decision 0036). A PostgreSQL server's autovacuum keeps tables compact and
 * the planner's statistics fresh; embedded PGlite runs PostgreSQL as one process without that daemon,
 * so nothing would ever do either: deleted rows would keep their space, and the planner would keep
 * guessing from its defaults (on a grown database, Today's card query took ten times longer for it).
 * Here the one process runs VACUUM (ANALYZE) at night; on a server this leaves the work to autovacuum.
 */
export function maintainDatabase(database: Database, logger: Logger): () => Promise<void> {
  return async () => {
    if (database.kind !== "pglite" || !database.pglite) return;
    const started = performance.now();
    await database.pglite.exec("VACUUM (ANALYZE)");
    logger.info({ ms: Math.round(performance.now() - started) }, "database vacuumed and analysed");
  };
}
