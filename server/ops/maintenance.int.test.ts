import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { errorLogger } from "../../test-support/app.ts";
import { createTestDatabase } from "../../test-support/database.ts";
import { buildOrganisation } from "../../test-support/factories.ts";
import { maintainDatabase } from "./maintenance.ts";

/** What the planner believes a table holds: -1 until VACUUM or ANALYZE looked at it. */
async function plannerRows(database: Awaited<ReturnType<typeof createTestDatabase>>, table: string) {
  const result: unknown = await database.db.execute(
    sql`select reltuples::int as n from pg_class where relname = ${table}`,
  );
  // PGlite's driver answers { rows }, postgres.js an array of rows.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  return Number(rows[0]!.n);
}

it("gives the embedded database's planner real row counts at night, and leaves a server to autovacuum", async () => {
  const database = await createTestDatabase();
  try {
    for (let i = 0; i < 40; i++) await buildOrganisation(database.db);
    if (database.kind === "pglite") expect(await plannerRows(database, "organisations")).toBe(-1);
    await maintainDatabase(database, errorLogger())();
    if (database.kind === "pglite") expect(await plannerRows(database, "organisations")).toBe(40);
    else expect(database.pglite).toBeUndefined();
  } finally {
    await database.close();
  }
}, 60_000);
