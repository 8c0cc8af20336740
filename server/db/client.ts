import path from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { takeFairTurns } from "./fair-turns.ts";
import pg from "pg";
import { dumpPglite } from "../ops/backup.ts";
import { backupBeforeMigrating, type UpgradeBackup } from "../ops/upgrade.ts";
import { migrateSafely, type MigrationRunner } from "../ops/migrations.ts";
import * as schema from "./schema/index.ts";
import { lockDataFolder } from "./data-folder-lock.ts";
import { WriteCounts } from "./write-counts.ts";

export type Schema = typeof schema;
/** The one database type services use, whether PGlite or node-postgres is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const migrationsFolder = path.resolve(import.meta.dirname, "migrations");

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** The raw PGlite instance (embedded only), for pg-boss's adapter. */
  pglite?: PGlite;
  /** The connection string (server only), for pg-boss's own pool. */
  url?: string;
  /**
   * Counts writes (PGlite only, where one process owns the data): the actor and Today caches trust an
   * entry only while their count stands still. Absent on PostgreSQL, where another process may write.
   */
  writeCounts?: WriteCounts;
  /** The pool (server only), for its figures on `/metrics`. */
  pool?: pg.Pool;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: "pglite"; dataDir: string | null } | { kind: "postgres"; url: string };

/**
 * Opens the database and brings its schema up to date with the committed migrations, backing up an
 * existing database first and refusing one a newer version migrated (decision 0029).
 * `dataDir: null` gives an in-memory PGlite (tests).
 */
export async function openDatabase(target: DatabaseTarget, upgrade: UpgradeBackup = {}): Promise<Database> {
  return target.kind === "pglite" ? openPglite(target.dataDir, upgrade) : openPostgres(target.url, upgrade);
}

/** Runs the migration in one PGlite transaction; `dump` backs up from inside it. */
function pgliteRunner(client: PGlite): MigrationRunner & { dump(): Promise<Buffer> } {
  let inside: Transaction | null = null;
  return {
    execute: async (text, params) =>
      (await (inside ?? client).query<Record<string, unknown>>(text, params)).rows,
    transaction: (work) =>
      client.transaction(async (tx) => {
        inside = tx;
        try {
          return await work();
        } finally {
          inside = null;
        }
      }),
    dump: () => dumpPglite(client, inside ?? undefined),
  };
}

async function openPglite(dataDir: string | null, upgrade: UpgradeBackup): Promise<Database> {
  const release = dataDir ? lockDataFolder(dataDir) : () => {};
  try {
    const client = await PGlite.create(dataDir ?? undefined);
    takeFairTurns(client);
    // The one process counts its own writes (`WriteCounts`), so the triggers that note writes for other
    // processes (migration 0032, decision 0038) have nothing to tell it: they stand idle in its session.
    await client.exec("set beklijf.note_changes = 'off'");
    const writeCounts = new WriteCounts();
    const db = drizzlePglite({ client, schema, logger: writeCounts }) as unknown as Db;
    try {
      const runner = pgliteRunner(client);
      await migrateSafely(runner, {
        beforeMigrating: (pending) =>
          backupBeforeMigrating({ kind: "pglite", dump: runner.dump, dataDir }, pending, upgrade),
      });
    } catch (error) {
      await client.close();
      throw error;
    }
    return {
      kind: "pglite",
      db,
      pglite: client,
      writeCounts,
      ping: async () => {
        await client.query("select 1");
      },
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(url: string, upgrade: UpgradeBackup): Promise<Database> {
  await migrateWithLock(url, upgrade);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: "postgres",
    db,
    url,
    pool,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

/**
 * One connection, one transaction holding a transaction-level advisory lock: through PgBouncer's
 * transaction pooling a session lock could be taken on one server connection and released on another.
 */
async function migrateWithLock(url: string, upgrade: UpgradeBackup): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const runner: MigrationRunner = {
    execute: async (text, params) => (await client.query(text, params)).rows as Record<string, unknown>[],
    transaction: async (work) => {
      await client.query("begin");
      try {
        const result = await work();
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => {});
        throw error;
      }
    },
  };
  try {
    await migrateSafely(runner, {
      beforeMigrating: (pending) => backupBeforeMigrating({ kind: "postgres", url }, pending, upgrade),
    });
  } finally {
    await client.end();
  }
}
