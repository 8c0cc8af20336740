/**
 * What one learner's "today" costs the database, counted rather than timed (a count does not depend on
 * what else the machine is doing): statements sent and rows returned for GET /api/me/today's use case and
 * for the practice screen's, as the demo learner on an in-memory PGlite, then the mean time of 200 calls.
 * Run: node bench/today-queries.ts
 */
import { eq } from "drizzle-orm";
import { openDatabase } from "../server/db/client.ts";
import { persons } from "../server/db/schema/index.ts";
import { seedDemo } from "../server/db/seed/demo.ts";
import { Tenant } from "../server/db/tenant.ts";
import { getToday } from "../server/modules/learning/today.service.ts";
import { planSession } from "../server/modules/practice/practice.service.ts";

const CALLS = 200;
const database = await openDatabase({ kind: "pglite", dataDir: null });
await seedDemo(database.db);
const [learner] = await database.db
  .select({ id: persons.id, organisationId: persons.organisationId })
  .from(persons)
  .where(eq(persons.email, "learner@demo.beklijf.nl"));
const tenant = new Tenant(database.db, learner!.organisationId);
const now = new Date();

// Every statement drizzle sends outside a transaction goes through PGlite's query().
const pglite = database.pglite!;
const query = pglite.query.bind(pglite);
let statements = 0;
let rows = 0;
pglite.query = (async (...args: Parameters<typeof query>) => {
  const result = await query(...args);
  statements += 1;
  rows += result.rows.length;
  return result;
}) as typeof pglite.query;

async function measure(label: string, call: () => Promise<unknown>): Promise<void> {
  await call();
  statements = 0;
  rows = 0;
  await call();
  const counted = { statements, rows };
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) await call();
  const mean = (performance.now() - started) / CALLS;
  console.log(
    `${label.padEnd(34)} ${String(counted.statements).padStart(3)} statements, ` +
      `${String(counted.rows).padStart(4)} rows, mean ${mean.toFixed(2)} ms over ${CALLS} calls`,
  );
}

await measure("today (GET /api/me/today)", () => getToday(tenant, learner!.id, now));
await measure("practice plan (Today's first step)", () => planSession(tenant, learner!.id, now));
await database.close();
