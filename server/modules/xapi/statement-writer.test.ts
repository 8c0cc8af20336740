import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { rowKey, type StatementRow, writeStatementRows } from "./statement-writer.ts";

const ORGANISATION = "00000000-0000-4000-8000-000000000001";
const dialect = new PgDialect();

/** A database that records each INSERT's rows and answers like PostgreSQL (skipping stored ids). */
function fakeDatabase(options: { refuse?: string } = {}) {
  const inserts: string[][] = [];
  const stored = new Set<string>();
  const db = {
    execute: async (query: SQL) => {
      const rows = JSON.parse(String(dialect.sqlToQuery(query).params[0])) as { id: string }[];
      inserts.push(rows.map((r) => r.id));
      if (rows.some((r) => r.id === options.refuse)) throw new Error("violates a constraint");
      const inserted = rows.filter((r) => !stored.has(r.id));
      for (const row of inserted) stored.add(row.id);
      return { rows: inserted.map((r) => ({ organisation_id: ORGANISATION, id: r.id })) };
    },
  };
  return { db: db as unknown as Db, inserts };
}

const row = (id: string): StatementRow => ({
  organisationId: ORGANISATION,
  id,
  personId: null,
  objectAgentKey: null,
  verb: "http://adlnet.gov/expapi/verbs/experienced",
  objectId: "https://example.test/a",
  targetStatementId: null,
  registration: null,
  relatedActivities: ["https://example.test/a"],
  relatedAgents: [],
  clientId: null,
  statement: {},
  timestamp: new Date("2026-11-26T10:00:00Z"),
  stored: new Date("2026-11-26T10:00:00Z"),
});

describe("writing statements together", () => {
  it("writes requests that arrive together with one INSERT and tells each which of its rows were stored", async () => {
    const { db, inserts } = fakeDatabase();
    const answers = await Promise.all(["a", "b", "c"].map((id) => writeStatementRows(db, [row(id)])));
    expect(inserts).toEqual([["a", "b", "c"]]);
    for (const [index, id] of ["a", "b", "c"].entries())
      expect(answers[index]!.has(rowKey(ORGANISATION, id))).toBe(true);
  });

  it("keeps a request's rows in one INSERT, in the order sent", async () => {
    const { db, inserts } = fakeDatabase();
    await Promise.all([writeStatementRows(db, [row("a"), row("b")]), writeStatementRows(db, [row("c")])]);
    expect(inserts).toEqual([["a", "b", "c"]]);
  });

  it("never puts two requests naming the same statement in one INSERT, so only the first stores it", async () => {
    const { db, inserts } = fakeDatabase();
    const [first, second] = await Promise.all([
      writeStatementRows(db, [row("same")]),
      writeStatementRows(db, [row("same")]),
    ]);
    expect(inserts).toEqual([["same"], ["same"]]);
    expect(first!.has(rowKey(ORGANISATION, "same"))).toBe(true);
    expect(second!.has(rowKey(ORGANISATION, "same"))).toBe(false);
  });

  it("tries each request alone when a shared INSERT fails, so only the faulty request fails", async () => {
    const { db } = fakeDatabase({ refuse: "bad" });
    const results = await Promise.allSettled(
      ["a", "bad", "c"].map((id) => writeStatementRows(db, [row(id)])),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });

  it("writes what arrives during an INSERT with the next one", async () => {
    const { db, inserts } = fakeDatabase();
    const first = writeStatementRows(db, [row("a")]);
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all([first, writeStatementRows(db, [row("b")]), writeStatementRows(db, [row("c")])]);
    expect(inserts).toEqual([["a"], ["b", "c"]]);
  });
});
