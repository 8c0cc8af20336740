import path from "node:path";
import type { Logger } from "pino";
import type { Database } from "../db/client.ts";
import type { BackupConfig } from "../env.ts";
import { backupFileName, dumpPglite, dumpPostgres, pruneBackups, writeFileAtomically } from "./backup.ts";

/**
 * The nightly backup job (decision 0029): one new file in BACKUP_DIR, then the oldest beyond
 * BACKUP_KEEP removed. It runs where the jobs run: the one process of an embedded install, or the
 * worker beside a server (pg-boss's singleton queue makes it one run per night however many workers).
 */
export function nightlyBackup(
  database: Database,
  backup: BackupConfig,
  logger: Logger,
  clock: () => Date = () => new Date(),
): () => Promise<void> {
  return async () => {
    const dir = backup.dir;
    if (!dir) return;
    const file = path.join(dir, backupFileName(database.kind, clock()));
    if (database.kind === "pglite") {
      // An in-memory database (tests) has no folder to copy from; it still has a consistent dump.
      if (!database.pglite) return;
      writeFileAtomically(file, await dumpPglite(database.pglite));
    } else {
      await dumpPostgres(backup.databaseUrl ?? database.url ?? "", file);
    }
    const removed = pruneBackups(dir, backup.keep);
    logger.info({ file, removed: removed.length }, "nightly backup written");
  };
}
