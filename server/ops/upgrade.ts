import path from "node:path";
import { backupFileName, dumpPostgres, writeFileAtomically } from "./backup.ts";
import type { PendingUpgrade } from "./migrations.ts";

/** What the composition root tells `openDatabase` about backups before an upgrade (decision 0029). */
export interface UpgradeBackup {
  /** Where the backup goes; for PGlite the default is `<data folder>-backups`. */
  dir?: string | null;
  /** The server itself for pg_dump (not PgBouncer). Default: the URL the database is opened with. */
  databaseUrl?: string | null;
  /** PostgreSQL without a backup folder: migrate anyway (the operator backs up otherwise). */
  migrateWithoutBackup?: boolean;
  /** Told where the backup went (the composition root logs it). */
  onBackup?: (file: string) => void;
}

export type UpgradeTarget =
  /** `dump` copies the embedded database from inside the migration's transaction. */
  { kind: "pglite"; dump: () => Promise<Buffer>; dataDir: string | null } | { kind: "postgres"; url: string };

export class BackupRequiredError extends Error {
  constructor(upgrade: PendingUpgrade) {
    super(
      `This version of Beklijf needs to migrate the database (${upgrade.pending.length} migration(s) after ` +
        `${upgrade.from ?? "none"}) and backs it up first, but BACKUP_DIR is not set. Set BACKUP_DIR ` +
        "(pg_dump must be installed), or back up yourself (npm run backup -- --out FILE) and start once " +
        "with MIGRATE_WITHOUT_BACKUP=true.",
    );
  }
}

/**
 * Backs up an existing database before its schema changes: an embedded one always (its folder is at
 * hand), a server through pg_dump into BACKUP_DIR, or not at all only when the operator said so.
 */
export async function backupBeforeMigrating(
  target: UpgradeTarget,
  upgrade: PendingUpgrade,
  options: UpgradeBackup,
): Promise<void> {
  const prefix = `before-${upgrade.pending[0]!.tag}`.replace(/[^\w.-]/g, "_");
  const name = (kind: "pglite" | "postgres") => backupFileName(kind, new Date(), prefix);
  if (target.kind === "pglite") {
    // An in-memory database (tests) has nothing to lose.
    if (!target.dataDir) return;
    const dir = options.dir ?? `${target.dataDir}-backups`;
    const file = path.join(dir, name("pglite"));
    writeFileAtomically(file, await target.dump());
    options.onBackup?.(file);
    return;
  }
  if (!options.dir) {
    if (options.migrateWithoutBackup) return;
    throw new BackupRequiredError(upgrade);
  }
  const file = path.join(options.dir, name("postgres"));
  await dumpPostgres(options.databaseUrl ?? target.url, file);
  options.onBackup?.(file);
}
