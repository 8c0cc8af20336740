import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../server/db/client.ts";

/** Which database the current Vitest project runs on: set per project in vitest.config.ts. */
export const testDatabaseKind = (process.env.TEST_DB ?? "pglite") as "pglite" | "postgres";

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the test
 * PostgreSQL server (dropped again by `close`).
 */
export async function createTestDatabase(): Promise<Database> {
  if (testDatabaseKind === "pglite") return openDatabase({ kind: "pglite", dataDir: null });
  const adminUrl = inject("postgresAdminUrl");
  const name = `beklijf_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      // pg-pool's end() resolves before its clients have said goodbye; dropping "with (force)" at that
      // moment kills a closing connection, which then throws in the test process. Wait for them first.
      for (let waited = 0; waited < 5_000; waited += 50) {
        const open = await dropper.query(
          "select count(*)::int as n from pg_stat_activity where datname = $1",
          [name],
        );
        if (open.rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
