import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** Runs one SQL statement and returns its rows (PGlite's `query` or a pg client's, wrapped alike). */
export type Query = (text: string) => Promise<Record<string, unknown>[]>;

/**
 * Every table's row count and a digest of its rows, by `schema.table`: two databases hold the same
 * data exactly when these maps are equal. Rows are compared as their text form, in sorted order.
 */
export async function tableDigests(query: Query): Promise<Map<string, { rows: number; digest: string }>> {
  const tables = await query(
    `select schemaname, tablename from pg_tables
     where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const digests = new Map<string, { rows: number; digest: string }>();
  for (const { schemaname, tablename } of tables) {
    const name = `"${String(schemaname)}"."${String(tablename)}"`;
    const [row] = await query(
      `select count(*)::int as rows, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as digest
       from ${name} t`,
    );
    digests.set(`${String(schemaname)}.${String(tablename)}`, {
      rows: Number(row!.rows),
      digest: String(row!.digest),
    });
  }
  return digests;
}

/** An empty database on the test PostgreSQL server (int-postgres), dropped by `drop`. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject("postgresAdminUrl");
  const name = `beklijf_empty_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** `Query` over a short-lived pg client. */
export async function withPostgresQuery<T>(url: string, work: (query: Query) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(async (text) => (await client.query(text)).rows as Record<string, unknown>[]);
  } finally {
    await client.end();
  }
}
