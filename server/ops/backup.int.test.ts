import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { errorLogger } from "../../test-support/app.ts";
import { createTestDatabase, testDatabaseKind } from "../../test-support/database.ts";
import {
  createEmptyPostgresDatabase,
  type Query,
  tableDigests,
  withPostgresQuery,
} from "../../test-support/table-digests.ts";
import { type Database, openDatabase } from "../db/client.ts";
import { seedDemo } from "../db/seed/demo.ts";
import type { BackupConfig } from "../env.ts";
import { serveControlSocket } from "./control-socket.ts";
import { backupTo, CommandError, restoreFrom } from "./commands.ts";

const folders: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-bk-"));
  folders.push(dir);
  return dir;
}
afterAll(() => folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const backupConfig = (databaseUrl: string | null): BackupConfig => ({
  dir: null,
  keep: 7,
  databaseUrl,
  migrateWithoutBackup: false,
});

/**
 * Writes pairs of rows in one transaction each until stopped: a backup taken meanwhile must hold
 * whole transactions only (every `n` in both tables) and a gapless prefix of them.
 */
function startWriting(database: Database): { count(): number; stop(): Promise<number> } {
  let written = 0;
  let stopping = false;
  const loop = (async () => {
    await database.db.execute(sql`create table probe_a (n int primary key)`);
    await database.db.execute(sql`create table probe_b (n int primary key, filler text not null)`);
    while (!stopping) {
      const n = written + 1;
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into probe_a values (${n})`);
        await tx.execute(sql`insert into probe_b values (${n}, repeat('x', 500))`);
      });
      written = n;
      // PGlite answers within microtasks: yield, as requests arriving over HTTP would, so the backup gets a turn.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return {
    count: () => written,
    stop: async () => {
      stopping = true;
      await loop;
      return written;
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** The restored copy equals the source in every table but the probes, which hold a whole prefix. */
async function expectSameExceptProbes(restored: Query, source: Query, before: number, after: number) {
  const [copy, original] = [await tableDigests(restored), await tableDigests(source)];
  expect([...copy.keys()]).toEqual([...original.keys()]);
  for (const [table, digest] of original) {
    if (table.endsWith(".probe_a") || table.endsWith(".probe_b")) continue;
    expect(copy.get(table), table).toEqual(digest);
  }
  expect(original.get("public.persons")!.rows).toBeGreaterThan(30);
  const a = (await restored("select n from probe_a order by n")).map((row) => Number(row.n));
  const b = (await restored("select n from probe_b order by n")).map((row) => Number(row.n));
  expect(b).toEqual(a);
  expect(a).toEqual(Array.from({ length: a.length }, (_, index) => index + 1));
  expect(a.length).toBeGreaterThanOrEqual(before);
  expect(a.length).toBeLessThanOrEqual(after);
}

if (testDatabaseKind === "pglite") {
  describe("backup of the embedded database while Beklijf runs and writes", () => {
    it("restores into a new folder with every table as it was, and refuses a folder that is not empty", async () => {
      const root = tempDir();
      const dataDir = path.join(root, "data");
      const database = await openDatabase({ kind: "pglite", dataDir });
      // As the running app does: `npm run backup` reaches it through this socket.
      const closeSocket = await serveControlSocket(dataDir, database.pglite!, errorLogger());
      await seedDemo(database.db);
      const writer = startWriting(database);
      await until(() => writer.count() >= 20);
      const before = writer.count();
      const file = path.join(root, "backups", "now.pglite.tar.gz");
      const config = { database: { kind: "pglite" as const, dataDir }, backup: backupConfig(null) };
      await backupTo(config, file);
      const atBackupEnd = writer.count();
      await until(() => writer.count() >= atBackupEnd + 20);
      const after = await writer.stop();

      const target = path.join(root, "restored");
      await restoreFrom({ ...config, database: { kind: "pglite", dataDir: target } }, file, false);
      const restored = await openDatabase({ kind: "pglite", dataDir: target });
      const query =
        (pglite: PGlite): Query =>
        async (text) =>
          (await pglite.query<Record<string, unknown>>(text)).rows;
      await expectSameExceptProbes(query(restored.pglite!), query(database.pglite!), before, after);
      await restored.close();

      await expect(
        restoreFrom({ ...config, database: { kind: "pglite", dataDir: target } }, file, false),
      ).rejects.toThrow(CommandError);
      const forced = await restoreFrom(
        { ...config, database: { kind: "pglite", dataDir: target } },
        file,
        true,
      );
      expect(fs.existsSync(forced.keptAside!)).toBe(true);

      await closeSocket();
      await database.close();
    }, 120_000);
  });
} else {
  describe("backup of a PostgreSQL database while Beklijf writes", () => {
    it("restores through pg_restore into an empty database with every table as it was", async () => {
      const root = tempDir();
      const database = await createTestDatabase();
      const empty = await createEmptyPostgresDatabase();
      try {
        await seedDemo(database.db);
        const writer = startWriting(database);
        await until(() => writer.count() >= 20);
        const before = writer.count();
        const file = path.join(root, "now.pgdump");
        const source = { kind: "postgres" as const, url: database.url! };
        await backupTo({ database: source, backup: backupConfig(database.url!) }, file);
        const atBackupEnd = writer.count();
        await until(() => writer.count() >= atBackupEnd + 20);
        const after = await writer.stop();

        const target = {
          database: { kind: "postgres" as const, url: empty.url },
          backup: backupConfig(empty.url),
        };
        await restoreFrom(target, file, false);
        await withPostgresQuery(empty.url, (restored) =>
          withPostgresQuery(database.url!, (original) =>
            expectSameExceptProbes(restored, original, before, after),
          ),
        );
        await expect(restoreFrom(target, file, false)).rejects.toThrow(/not empty/);
        await restoreFrom(target, file, true);
        // A backup of one kind does not restore into the other.
        await expect(
          restoreFrom(
            { database: { kind: "pglite", dataDir: path.join(root, "x") }, backup: backupConfig(null) },
            file,
            false,
          ),
        ).rejects.toThrow(/PostgreSQL server/);
      } finally {
        await empty.drop();
        await database.close();
      }
    }, 120_000);
  });
}
