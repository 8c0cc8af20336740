import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index.ts";
import { lockDataFolder } from "./data-folder-lock.ts";
import { IdentityWrites } from "./identity-writes.ts";

export type Schema = typeof schema;
/** The one database type services use, whether PGlite or node-postgres is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const migrationsFolder = path.resolve(import.meta.dirname, "migrations");

/** Arbitrary but fixed: serialises migrations when several processes start against one server. */
const MIGRATION_LOCK_KEY = 724_011_001;

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** The raw PGlite instance (embedded only), for pg-boss's adapter. */
  pglite?: PGlite;
  /** The connection string (server only), for pg-boss's own pool. */
  url?: string;
  /**
   * Counts writes to persons, roles and sessions (PGlite only, where one process owns the data): the
   * actor cache trusts an entry only while the count stands still. Absent on PostgreSQL, where another
   * process may sign someone out.
   */
  identityWrites?: IdentityWrites;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: "pglite"; dataDir: string | null } | { kind: "postgres"; url: string };

/**
 * Opens the database and brings its schema up to date with the committed migrations.
 * `dataDir: null` gives an in-memory PGlite (tests).
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "pglite" ? openPglite(target.dataDir) : openPostgres(target.url);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  const release = dataDir ? lockDataFolder(dataDir) : () => {};
  try {
    const client = await PGlite.create(dataDir ?? undefined);
    const identityWrites = new IdentityWrites();
    const db = drizzlePglite({ client, schema, logger: identityWrites }) as unknown as Db;
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
    return {
      kind: "pglite",
      db,
      pglite: client,
      identityWrites,
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

async function openPostgres(url: string): Promise<Database> {
  await migrateWithLock(url);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: "postgres",
    db,
    url,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

async function migrateWithLock(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
