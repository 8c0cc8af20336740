import fs from "node:fs";
import path from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";

/**
 * Upgrade safety (decision 0029). Drizzle's own migrator applies what is new and silently does nothing
 * on a database that a newer Beklijf already migrated; it also takes no lock that survives PgBouncer's
 * transaction pooling. This one runs the same files, recorded the same way in
 * `drizzle.__drizzle_migrations` (so databases migrated before stay valid), but:
 * - inside one transaction that holds a transaction-level advisory lock (safe through PgBouncer, and
 *   two processes starting at once migrate one after the other),
 * - refusing a database whose newest migration this code does not know,
 * - calling `beforeMigrating` (the backup) before it changes an existing database.
 */

/** Arbitrary but fixed: serialises migrations when several processes start against one server. */
export const MIGRATION_LOCK_KEY = 724_011_001;

export interface Migration {
  tag: string;
  /** The journal's `when`: also the `created_at` recorded for it. */
  createdAt: number;
  hash: string;
  statements: string[];
}

/** One SQL statement with positional parameters; returns its rows. */
export type Execute = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface MigrationRunner {
  execute: Execute;
  /** Runs `work` in one transaction (commit on success, roll back on a throw). */
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

export interface PendingUpgrade {
  /** The newest migration the database has, or null for a fresh database. */
  from: string | null;
  pending: Migration[];
}

export class DatabaseNewerError extends Error {
  constructor(recorded: number, known: Migration | undefined) {
    super(
      `This database was migrated by a newer version of Beklijf (its newest migration is from ` +
        `${new Date(recorded).toISOString()}; this version knows up to ${known?.tag ?? "none"}). ` +
        "Start the newer version again, or restore the backup taken before that upgrade (npm run restore).",
    );
  }
}

export const migrationsFolder = path.resolve(import.meta.dirname, "../db/migrations");

export function readMigrations(folder = migrationsFolder): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  return readMigrationFiles({ migrationsFolder: folder }).map((file, index) => ({
    tag: journal.entries[index]!.tag,
    createdAt: file.folderMillis,
    hash: file.hash,
    statements: file.sql,
  }));
}

/** The tag of the newest migration a database has applied, by its recorded time (null when none). */
export function migrationTagAt(createdAt: number | null, migrations: Migration[]): string | null {
  if (createdAt === null) return null;
  return migrations.find((migration) => migration.createdAt === createdAt)?.tag ?? `unknown-${createdAt}`;
}

async function newestApplied(execute: Execute): Promise<number | null> {
  const rows = await execute(
    `select created_at from "drizzle"."__drizzle_migrations" order by created_at desc limit 1`,
  );
  return rows[0] ? Number(rows[0].created_at) : null;
}

export interface MigrateOptions {
  migrations?: Migration[];
  /** Called before changing a database that already holds data (never for a fresh one). */
  beforeMigrating?: (upgrade: PendingUpgrade) => Promise<void>;
}

/** Brings the schema up to date, or throws without changing anything. Returns the tags it applied. */
export async function migrateSafely(
  runner: MigrationRunner,
  options: MigrateOptions = {},
): Promise<string[]> {
  const migrations = options.migrations ?? readMigrations();
  // Outside the transaction, as Drizzle does: both are no-ops on an existing database.
  await runner.execute(`create schema if not exists "drizzle"`);
  await runner.execute(
    `create table if not exists "drizzle"."__drizzle_migrations" (id serial primary key, hash text not null, created_at bigint)`,
  );
  return runner.transaction(async () => {
    await runner.execute("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    const newest = await newestApplied(runner.execute);
    const known = migrations.at(-1);
    if (newest !== null && (!known || newest > known.createdAt)) throw new DatabaseNewerError(newest, known);
    const pending = migrations.filter((migration) => newest === null || migration.createdAt > newest);
    if (pending.length === 0) return [];
    if (newest !== null)
      await options.beforeMigrating?.({ from: migrationTagAt(newest, migrations), pending });
    for (const migration of pending) {
      for (const statement of migration.statements) await runner.execute(statement);
      await runner.execute(
        `insert into "drizzle"."__drizzle_migrations" (hash, created_at) values ($1, $2)`,
        [migration.hash, migration.createdAt],
      );
    }
    return pending.map((migration) => migration.tag);
  });
}

/** Which migration a database runs, for `GET /api/health`. */
export async function currentMigration(
  execute: Execute,
  migrations = readMigrations(),
): Promise<string | null> {
  return migrationTagAt(await newestApplied(execute), migrations);
}
