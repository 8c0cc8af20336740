import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind } from "../../test-support/database.ts";
import type { Database } from "./client.ts";
import { changeWatchOf, forgetOldDataChanges } from "./data-changes.ts";

/** Raw SQL on the test database, whichever kind it is. */
function rawQuery(database: Database) {
  return async <T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => {
    if (database.pglite) return (await database.pglite.query<T>(text, params)).rows;
    return (await database.pool!.query<T & pg.QueryResultRow>(text, params)).rows;
  };
}

describe("which writes are noted for the Today cache (migration 0032)", () => {
  let database: Database;
  let query: ReturnType<typeof rawQuery>;
  beforeAll(async () => {
    database = await createTestDatabase();
    query = rawQuery(database);
  });
  afterAll(() => database.close());

  it("every tenant table but the audit trail and sessions notes its inserts, updates and deletes", async () => {
    const tables = await query<{ table_name: string }>(
      `select table_name from information_schema.columns
       where table_schema = 'public' and column_name = 'organisation_id'
         and table_name not in ('audit_events', 'sessions', 'data_changes')`,
    );
    expect(tables.length).toBeGreaterThan(40);
    const triggers = await query<{ table_name: string; triggers: string[] }>(
      `select c.relname as table_name, array_agg(t.tgname::text order by t.tgname) as triggers
       from pg_trigger t join pg_class c on c.oid = t.tgrelid
       where not t.tgisinternal and t.tgname like 'note\\_%' group by c.relname`,
    );
    const byTable = new Map(triggers.map((row) => [row.table_name, row.triggers]));
    const notes = ["note_deletes", "note_inserts", "note_updates"];
    for (const { table_name } of [...tables, { table_name: "organisations" }])
      expect(byTable.get(table_name), table_name).toEqual(notes);
    expect(byTable.has("audit_events")).toBe(false);
    expect(byTable.has("sessions")).toBe(false);
  });

  it("notes nothing on the embedded database, which counts its own writes; a server notes every write", async () => {
    const count = async () =>
      (await query<{ n: number }>(`select count(*)::int as n from data_changes`))[0]!.n;
    const before = await count();
    await query(`insert into organisations (name) values ('Counted')`);
    expect(await count()).toBe(before + (database.pglite ? 0 : 1));
    // The rest of this file looks at the triggers themselves, on both databases.
    if (database.pglite) await database.pglite.exec("set beklijf.note_changes = 'on'");
  });

  it("notes a writing transaction once per organisation, and a statement that changes no row not at all", async () => {
    const [org] = await query<{ id: string }>(
      `insert into organisations (name) values ('Noted') returning id`,
    );
    const before = await query<{ n: number }>(
      `select count(*)::int as n from data_changes where organisation_id = $1`,
      [org!.id],
    );
    expect(before[0]!.n).toBe(1);
    await query(`update organisations set name = 'Noted again' where id = $1`, [org!.id]);
    await query(`update organisations set name = 'Nobody' where id = gen_random_uuid()`);
    const after = await query<{ n: number }>(
      `select count(*)::int as n from data_changes where organisation_id = $1`,
      [org!.id],
    );
    expect(after[0]!.n).toBe(2);
  });

  it("forgets changes of ended transactions after ten minutes, and keeps recent ones", async () => {
    const [org] = await query<{ id: string }>(`insert into organisations (name) values ('Old') returning id`);
    await query(
      `update data_changes set noted_at = now() - interval '11 minutes' where organisation_id = $1`,
      [org!.id],
    );
    await query(`update organisations set name = 'Recent' where id = $1`, [org!.id]);
    await forgetOldDataChanges(database.db);
    const left = await query<{ n: number }>(
      `select count(*)::int as n from data_changes where organisation_id = $1`,
      [org!.id],
    );
    expect(left[0]!.n).toBe(1);
  });
});

if (testDatabaseKind === "postgres") {
  describe("a kept answer's check on PostgreSQL, with writes from other connections", () => {
    let database: Database;
    let other: pg.Client;
    let organisationId: string;
    beforeAll(async () => {
      database = await createTestDatabase();
      other = new pg.Client({ connectionString: database.url });
      await other.connect();
      const { rows } = await other.query<{ id: string }>(
        `insert into organisations (name) values ('Watched') returning id`,
      );
      organisationId = rows[0]!.id;
    });
    afterAll(async () => {
      await other.end();
      await database.close();
    });

    it("sees a write that was still uncommitted when the answer was read, once it commits", async () => {
      const watch = changeWatchOf(database)!;
      await other.query("begin");
      await other.query("update organisations set name = 'Renamed' where id = $1", [organisationId]);
      const mark = await watch.mark(organisationId);
      // Not committed yet: no reader can see the new name, so an answer read now is still true.
      expect(await watch.unchangedSince(organisationId, mark)).toBe(true);
      await other.query("commit");
      expect(await watch.unchangedSince(organisationId, mark)).toBe(false);
    });

    it("is unchanged after writes that committed before the mark, or to another organisation", async () => {
      const watch = changeWatchOf(database)!;
      await other.query("update organisations set name = 'Before' where id = $1", [organisationId]);
      const mark = await watch.mark(organisationId);
      await other.query(`insert into organisations (name) values ('Elsewhere')`);
      expect(await watch.unchangedSince(organisationId, mark)).toBe(true);
      await other.query("update organisations set name = 'After' where id = $1", [organisationId]);
      expect(await watch.unchangedSince(organisationId, mark)).toBe(false);
    });
  });
}
