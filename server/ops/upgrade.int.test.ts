import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../../test-support/database.ts";
import { createEmptyPostgresDatabase } from "../../test-support/table-digests.ts";
import { openDatabase } from "../db/client.ts";
import { restorePglite } from "./backup.ts";
import {
  DatabaseNewerError,
  type Execute,
  migrateSafely,
  type MigrationRunner,
  readMigrations,
} from "./migrations.ts";
import { BackupRequiredError } from "./upgrade.ts";

const folders: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-up-"));
  folders.push(dir);
  return dir;
}
afterAll(() => folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const migrations = readMigrations();
const latest = migrations.at(-1)!;
const previous = migrations.at(-2)!;

/** A runner over one connection, as a Beklijf one version older would have left the database. */
function runnerOver(execute: Execute): MigrationRunner {
  return {
    execute,
    transaction: async (work) => {
      await execute("begin");
      try {
        const result = await work();
        await execute("commit");
        return result;
      } catch (error) {
        await execute("rollback");
        throw error;
      }
    },
  };
}

async function newestMigration(execute: Execute): Promise<number> {
  const rows = await execute(`select max(created_at) as newest from "drizzle"."__drizzle_migrations"`);
  return Number(rows[0]!.newest);
}

const futureMigration = `insert into "drizzle"."__drizzle_migrations" (hash, created_at) values ('from-the-future', ${latest.createdAt + 86_400_000})`;

if (testDatabaseKind === "pglite") {
  describe("upgrading an embedded database", () => {
    it("backs up before migrating, and refuses to start on a database a newer version migrated", async () => {
      const root = tempDir();
      const dataDir = path.join(root, "data");
      const backups = path.join(root, "backups");
      const older = await PGlite.create(dataDir);
      const execute: Execute = async (text, params) =>
        (await older.query<Record<string, unknown>>(text, params)).rows;
      await migrateSafely(runnerOver(execute), { migrations: migrations.slice(0, -1) });
      await older.close();

      const upgraded = await openDatabase({ kind: "pglite", dataDir }, { dir: backups });
      const run: Execute = async (text) => (await upgraded.pglite!.query<Record<string, unknown>>(text)).rows;
      expect(await newestMigration(run)).toBe(latest.createdAt);
      const files = fs.readdirSync(backups);
      expect(files).toEqual([
        expect.stringMatching(new RegExp(`^before-${latest.tag}-\\d{8}-\\d{6}\\.pglite\\.tar\\.gz$`)),
      ]);
      await run(futureMigration);
      await upgraded.close();

      // The backup holds the database as it was before the upgrade.
      const restoredDir = path.join(root, "restored");
      await restorePglite(path.join(backups, files[0]!), restoredDir);
      const restored = await PGlite.create(restoredDir);
      expect(
        await newestMigration(async (text) => (await restored.query<Record<string, unknown>>(text)).rows),
      ).toBe(previous.createdAt);
      await restored.close();

      await expect(openDatabase({ kind: "pglite", dataDir }, { dir: backups })).rejects.toThrow(
        DatabaseNewerError,
      );
      // Refused before anything was written: no second backup, and the folder is free again.
      expect(fs.readdirSync(backups)).toHaveLength(1);
      const again = await PGlite.create(dataDir);
      expect(
        await newestMigration(async (text) => (await again.query<Record<string, unknown>>(text)).rows),
      ).toBe(latest.createdAt + 86_400_000);
      await again.close();
    }, 120_000);
  });
} else {
  describe("upgrading a PostgreSQL database", () => {
    it("migrates only after a pg_dump backup (or when told), and refuses a database a newer version migrated", async () => {
      const root = tempDir();
      const backups = path.join(root, "backups");
      const empty = await createEmptyPostgresDatabase();
      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      const execute: Execute = async (text, params) => (await client.query(text, params)).rows;
      try {
        await migrateSafely(runnerOver(execute), { migrations: migrations.slice(0, -1) });

        await expect(openDatabase({ kind: "postgres", url: empty.url })).rejects.toThrow(BackupRequiredError);
        expect(await newestMigration(execute)).toBe(previous.createdAt);

        const upgraded = await openDatabase({ kind: "postgres", url: empty.url }, { dir: backups });
        await upgraded.close();
        expect(await newestMigration(execute)).toBe(latest.createdAt);
        expect(fs.readdirSync(backups)).toEqual([
          expect.stringMatching(new RegExp(`^before-${latest.tag}-\\d{8}-\\d{6}\\.pgdump$`)),
        ]);

        await execute(futureMigration);
        await expect(openDatabase({ kind: "postgres", url: empty.url }, { dir: backups })).rejects.toThrow(
          DatabaseNewerError,
        );
        expect(fs.readdirSync(backups)).toHaveLength(1);
      } finally {
        await client.end();
        await empty.drop();
      }
    }, 120_000);
  });
}
