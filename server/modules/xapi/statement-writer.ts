import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Db } from "../../db/client.ts";
import { xapiStatements } from "../../db/schema/index.ts";

/**
 * Writing statements fast (decision 0034). The profile of the LRS under load showed two costs that grow
 * with every request: building an INSERT of many rows through Drizzle's query builder (a tenth of the
 * process) and one round trip plus one commit per request. So the rows travel as ONE JSON parameter
 * that PostgreSQL unpacks (`jsonb_to_recordset`), and the requests that arrive while an insert is under
 * way are written together by the next one: one INSERT, one commit, and each request is answered only
 * after that commit (group commit).
 */

/** One row of `xapi_statements`, as `statements-store.ts` makes it (the generated columns left out). */
export interface StatementRow {
  organisationId: string;
  id: string;
  personId: string | null;
  objectAgentKey: string | null;
  verb: string;
  objectId: string | null;
  targetStatementId: string | null;
  registration: string | null;
  relatedActivities: string[];
  relatedAgents: string[];
  clientId: string | null;
  statement: Record<string, unknown>;
  timestamp: Date;
  stored: Date;
}

const t = xapiStatements;
/** The columns written, taken from the schema so their names and types cannot drift from it. */
const COLUMNS: [keyof StatementRow, PgColumn][] = [
  ["organisationId", t.organisationId],
  ["id", t.id],
  ["personId", t.personId],
  ["objectAgentKey", t.objectAgentKey],
  ["verb", t.verb],
  ["objectId", t.objectId],
  ["targetStatementId", t.targetStatementId],
  ["registration", t.registration],
  ["relatedActivities", t.relatedActivities],
  ["relatedAgents", t.relatedAgents],
  ["clientId", t.clientId],
  ["statement", t.statement],
  ["timestamp", t.timestamp],
  ["stored", t.stored],
];
const NAMES = sql.join(
  COLUMNS.map(([, column]) => sql.identifier(column.name)),
  sql`, `,
);
const DEFINITIONS = sql.raw(COLUMNS.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(", "));

/** The identity of a row across organisations (a statement id is unique within one). */
export const rowKey = (organisationId: string, id: string) => `${organisationId}/${id}`;

function insertQuery(rows: StatementRow[]): SQL {
  const payload = JSON.stringify(
    rows.map((row) => Object.fromEntries(COLUMNS.map(([key, column]) => [column.name, row[key]]))),
  );
  // ORDER BY the position keeps `seq` (the insertion order) in the order the statements were sent.
  return sql`INSERT INTO ${t} (${NAMES})
    SELECT ${NAMES} FROM ROWS FROM (jsonb_to_recordset(${payload}::jsonb) AS (${DEFINITIONS}))
      WITH ORDINALITY AS r(${NAMES}, position)
    ORDER BY position
    ON CONFLICT DO NOTHING
    RETURNING ${t.organisationId} AS organisation_id, ${t.id} AS id`;
}

/**
 * Inserts rows in one statement; a row whose id is stored already is skipped. Returns the keys
 * (`rowKey`) of the rows inserted. Use inside a transaction when more than this one INSERT must hold.
 */
export async function insertStatementRows(db: Db, rows: StatementRow[]): Promise<Set<string>> {
  const result = (await db.execute(insertQuery(rows))) as unknown as {
    rows: { organisation_id: string; id: string }[];
  };
  return new Set(result.rows.map((r) => rowKey(r.organisation_id, r.id)));
}

interface Waiting {
  rows: StatementRow[];
  keys: string[];
  done: (inserted: Set<string>) => void;
  fail: (error: unknown) => void;
}

/** Rows per INSERT at most: large enough for 20 requests of 50, small enough for one parameter. */
const MOST_ROWS = 2000;

/**
 * Writes the rows of concurrent requests together. Each request's rows go into one INSERT (so they are
 * stored all or none), two requests naming the same statement never share one (each learns whether its
 * own row was stored), and when a shared INSERT fails, each of its requests is tried alone so only
 * the faulty one fails.
 */
class GroupWriter {
  readonly #db: Db;
  readonly #most: number;
  readonly #waiting: Waiting[] = [];
  #running = 0;
  #scheduled = false;

  /** `most`: INSERTs under way at once. */
  constructor(db: Db, most: number) {
    this.#db = db;
    this.#most = most;
  }

  write(rows: StatementRow[]): Promise<Set<string>> {
    return new Promise((done, fail) => {
      this.#waiting.push({ rows, keys: rows.map((r) => rowKey(r.organisationId, r.id)), done, fail });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#running >= this.#most || this.#scheduled || this.#waiting.length === 0) return;
    this.#scheduled = true;
    // setImmediate lets the requests that arrived in the same turn of the event loop join in.
    setImmediate(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#take();
    if (batch.length === 0) return;
    this.#running++;
    this.#schedule();
    try {
      await this.#writeBatch(batch);
    } finally {
      this.#running--;
      this.#schedule();
    }
  }

  #take(): Waiting[] {
    const batch: Waiting[] = [];
    const keys = new Set<string>();
    let size = 0;
    for (let index = 0; index < this.#waiting.length;) {
      const next = this.#waiting[index]!;
      const fits = batch.length === 0 || size + next.rows.length <= MOST_ROWS;
      if (!fits) break;
      if (next.keys.some((key) => keys.has(key))) {
        index++; // the same statement as one in this batch: it waits for the next INSERT
        continue;
      }
      this.#waiting.splice(index, 1);
      batch.push(next);
      size += next.rows.length;
      for (const key of next.keys) keys.add(key);
    }
    return batch;
  }

  async #writeBatch(batch: Waiting[]): Promise<void> {
    try {
      const inserted = await insertStatementRows(
        this.#db,
        batch.flatMap((w) => w.rows),
      );
      for (const waiting of batch) waiting.done(inserted);
    } catch (error) {
      if (batch.length === 1) return batch[0]!.fail(error);
      for (const waiting of batch)
        await insertStatementRows(this.#db, waiting.rows).then(waiting.done, waiting.fail);
    }
  }
}

const writers = new WeakMap<Db, GroupWriter>();

/**
 * INSERTs under way at once. A PostgreSQL server commits several at once (its own group commit of the
 * write-ahead log), so while one waits for the disk the next can run, within the pool's 10
 * connections. PGlite runs one query at a time: a second INSERT would only queue there, and the
 * requests it left behind would wait a round longer.
 */
const mostAtOnce = (db: Db) => ("$client" in db && db.$client instanceof pg.Pool ? 3 : 1);

/**
 * Inserts one request's rows together with those of other requests writing at the same moment;
 * resolves after the commit with the keys (`rowKey`) of the rows inserted (a row whose id is stored
 * already is skipped). Outside any transaction only: the shared INSERT commits on its own.
 */
export function writeStatementRows(db: Db, rows: StatementRow[]): Promise<Set<string>> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new GroupWriter(db, mostAtOnce(db))));
  return writer.write(rows);
}
