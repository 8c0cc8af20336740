import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { lockDataFolder } from "../db/data-folder-lock.ts";
import type { Config } from "../env.ts";
import {
  backupKindOf,
  dumpPglite,
  dumpPostgres,
  folderIsEmpty,
  restorePglite,
  restorePostgres,
  writeFileAtomically,
} from "./backup.ts";
import { controlSocketPath, NotRunningError, requestBackup } from "./control-socket.ts";

/** What `npm run backup` and `npm run restore` do; the scripts only parse arguments (decision 0029). */

export class CommandError extends Error {}

type DatabaseConfig = Pick<Config, "database" | "backup">;

export async function backupTo(config: DatabaseConfig, out: string): Promise<{ bytes: number }> {
  if (config.database.kind === "postgres") {
    await dumpPostgres(config.backup.databaseUrl ?? config.database.url, out);
  } else {
    writeFileAtomically(out, await backupEmbedded(config.database.dataDir));
  }
  return { bytes: fs.statSync(out).size };
}

/** Asks the running Beklijf; when none runs, opens the folder itself (without migrating it). */
async function backupEmbedded(dataDir: string): Promise<Buffer> {
  try {
    return await requestBackup(controlSocketPath(dataDir));
  } catch (error) {
    if (!(error instanceof NotRunningError)) throw error;
  }
  if (folderIsEmpty(dataDir)) throw new CommandError(`There is no database in ${dataDir} (DATA_DIR).`);
  const release = lockDataFolder(dataDir);
  try {
    const client = await PGlite.create(dataDir);
    try {
      return await dumpPglite(client);
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

export interface RestoreResult {
  /** Where the replaced data folder was kept (embedded database, `--force`). */
  keptAside: string | null;
}

export async function restoreFrom(
  config: DatabaseConfig,
  file: string,
  force: boolean,
): Promise<RestoreResult> {
  if (!fs.existsSync(file)) throw new CommandError(`${file} does not exist.`);
  const kind = backupKindOf(file);
  if (!kind) throw new CommandError(`${file} is not a Beklijf backup.`);
  if (kind !== config.database.kind) {
    throw new CommandError(
      kind === "postgres"
        ? "This is a backup of a PostgreSQL server: set DATABASE_URL to the (empty) database to restore it into."
        : "This is a backup of the embedded database: unset DATABASE_URL and set DATA_DIR to an empty folder.",
    );
  }
  if (config.database.kind === "postgres") {
    const url = config.backup.databaseUrl ?? config.database.url;
    if (!force && !(await serverIsEmpty(url))) {
      throw new CommandError(
        "The target database is not empty. Restore into a new database, or add --force.",
      );
    }
    await restorePostgres(file, url, force);
    return { keptAside: null };
  }
  return restoreEmbedded(file, config.database.dataDir, force);
}

async function restoreEmbedded(file: string, dataDir: string, force: boolean): Promise<RestoreResult> {
  // Refuses while Beklijf runs on this folder (the lock names the process).
  const release = lockDataFolder(dataDir);
  try {
    let keptAside: string | null = null;
    if (!folderIsEmpty(dataDir)) {
      if (!force)
        throw new CommandError(`${dataDir} is not empty. Restore into an empty DATA_DIR, or add --force.`);
      // Never delete what --force replaces: keep it beside, the operator removes it when satisfied.
      keptAside = `${dataDir}.replaced-${new Date().toISOString().replace(/[-:.]/g, "")}`;
      fs.renameSync(dataDir, keptAside);
    }
    await restorePglite(file, dataDir);
    return { keptAside };
  } finally {
    release();
  }
}

async function serverIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
    );
    return result.rows[0]!.n === 0;
  } finally {
    await client.end();
  }
}
