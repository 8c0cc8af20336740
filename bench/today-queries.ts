/**
 * What one learner's "today" costs the database, counted rather than timed (a count does not depend on
 * what else the machine is doing): statements sent and rows returned for GET /api/me/today's use case and
 * for the practice screen's, as the demo learner on an in-memory PGlite, then the mean time of 200 calls;
 * and the whole signed-in request through the HTTP app (session lookup included).
 * Run: node bench/today-queries.ts
 */
import { eq } from "drizzle-orm";
import { openDatabase } from "../server/db/client.ts";
import { persons } from "../server/db/schema/index.ts";
import { DEMO_PASSWORD, seedDemo } from "../server/db/seed/demo.ts";
import { loadConfig } from "../server/env.ts";
import { buildApp } from "../server/http/app.ts";
import { noJobs } from "../server/jobs/queue.ts";
import { createLogger } from "../server/logger.ts";
import { Tenant } from "../server/db/tenant.ts";
import { getToday } from "../server/modules/learning/today.service.ts";
import { planSession } from "../server/modules/practice/session-plans.ts";

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
const config = {
  ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }),
  publicUrl: "http://localhost:3000",
};
const app = await buildApp(
  { config, database, jobs: noJobs, mailer: null, clock: () => new Date() },
  { webDist: null, logger: createLogger("silent") },
);
const signIn = await app.inject({
  method: "POST",
  url: "/api/auth/sign-in",
  headers: { origin: config.publicUrl },
  payload: { email: "learner@demo.beklijf.nl", password: DEMO_PASSWORD },
});
const cookie = `beklijf_session=${signIn.cookies.find((c) => c.name === "beklijf_session")!.value}`;
await measure("GET /api/me/today over HTTP", async () => {
  const response = await app.inject({ method: "GET", url: "/api/me/today", headers: { cookie } });
  if (response.statusCode !== 200) throw new Error(`today: ${response.statusCode}`);
});
await app.close();
await database.close();
