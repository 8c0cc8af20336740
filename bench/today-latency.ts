/**
 * The learner's "today" API under load on the demo data scaled up 100× (100 copies of the demo
 * organisation: 4,000 people, 1,200 learners with practice cards), next to a bare Fastify route in the
 * same run. 50 concurrent clients, each request signed in as one of 50 demo learners.
 * Today is kept in memory between writes (`today-cache.ts`), so the run also measures Today built
 * afresh: one client, each read right after a write (the learner changing how often she is nudged).
 * Run: node bench/today-latency.ts   (BENCH_SCALE, BENCH_REQUESTS to change the size;
 *   BENCH_DATABASE_URL=postgres://… an empty PostgreSQL database instead of PGlite)
 */
import fs from "node:fs";
import { sql } from "drizzle-orm";
import os from "node:os";
import path from "node:path";
import { type DatabaseTarget, openDatabase } from "../server/db/client.ts";
import { createDemoOrganisation, DEMO_PASSWORD } from "../server/db/seed/demo.ts";
import { hashPassword } from "../server/modules/auth/passwords.ts";
import { load, percentile, start, stop, summary, waitFor } from "./support/load.ts";

const SCALE = Number(process.env.BENCH_SCALE ?? 100);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const CONCURRENCY = 50;
const port = 3700 + Math.floor(Math.random() * 40);
const barePort = port + 50;
const base = `http://127.0.0.1:${port}`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-bench-today-"));
const dataDir = path.join(dir, "data");

let seeded = performance.now();
const target: DatabaseTarget = process.env.BENCH_DATABASE_URL
  ? { kind: "postgres", url: process.env.BENCH_DATABASE_URL }
  : { kind: "pglite", dataDir };
const engine = target.kind === "postgres" ? "PostgreSQL" : "PGlite";
const database = await openDatabase(target);
const hash = await hashPassword(DEMO_PASSWORD);
for (let copy = 0; copy < SCALE; copy++) {
  await database.db.transaction((tx) => createDemoOrganisation(tx as never, hash, copy === 0 ? null : copy));
  if (copy % 10 === 9) process.stdout.write(`\rseeding demo copies: ${copy + 1}/${SCALE}`);
}
// As after the first night (PGlite's nightly job) or autovacuum's first minute on a server: the planner
// has row counts. Without them it guesses, and the card query takes ten times longer (decision 0036).
await database.db.execute(sql`analyze`);
await database.close();
seeded = (performance.now() - seeded) / 1000;
console.log(`\nseeded ${SCALE} demo organisations in ${seeded.toFixed(1)} s`);

const server = start(path.resolve(import.meta.dirname, "../server/main.ts"), {
  PORT: String(port),
  DATA_DIR: dataDir,
  LOG_LEVEL: "warn",
  PUBLIC_URL: base,
  JOBS_MODE: "off",
  ...(target.kind === "postgres" ? { DATABASE_URL: target.url } : {}),
});
const bare = start(path.resolve(import.meta.dirname, "support/bare-server.ts"), {}, [String(barePort)]);
try {
  await waitFor(`${base}/api/health`);
  const cookies: string[] = [];
  for (let copy = 0; copy < Math.min(CONCURRENCY, SCALE); copy++) {
    const email = copy === 0 ? "learner@demo.beklijf.nl" : `learner+${copy}@demo.beklijf.nl`;
    const response = await fetch(`${base}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (!response.ok) throw new Error(`sign-in ${email}: ${response.status}`);
    cookies.push(response.headers.get("set-cookie")!.split(";")[0]!);
  }
  await load(`${base}/api/me/today`, cookies, 300, CONCURRENCY);
  let started = performance.now();
  const today = await load(`${base}/api/me/today`, cookies, REQUESTS, CONCURRENCY);
  const todaySeconds = (performance.now() - started) / 1000;
  await waitFor(`http://127.0.0.1:${barePort}/bare`);
  await load(`http://127.0.0.1:${barePort}/bare`, [], 300, CONCURRENCY);
  started = performance.now();
  const floor = await load(`http://127.0.0.1:${barePort}/bare`, [], REQUESTS, CONCURRENCY);
  const floorSeconds = (performance.now() - started) / 1000;
  console.log(
    summary(
      `GET /api/me/today, ${CONCURRENCY} learners at once, demo × ${SCALE}, ${engine}`,
      today,
      todaySeconds,
    ),
  );
  console.log(summary(`GET /bare (Fastify, no database), same machine, same run`, floor, floorSeconds));
  const p95 = (values: number[]) => percentile(values, 95);
  const p50 = (values: number[]) => percentile(values, 50);
  console.log(`  today p95 / bare p95 under load: ${(p95(today) / p95(floor)).toFixed(1)}×`);
  // One client at a time: the cost of the work itself, without queueing behind 49 others.
  const alone = await load(`${base}/api/me/today`, cookies, 1000, 1);
  const bareAlone = await load(`http://127.0.0.1:${barePort}/bare`, [], 1000, 1);
  console.log(
    `one client at a time: today p50 ${p50(alone).toFixed(1)} ms, p95 ${p95(alone).toFixed(1)} ms; ` +
      `bare p50 ${p50(bareAlone).toFixed(1)} ms, p95 ${p95(bareAlone).toFixed(1)} ms`,
  );
  const fresh = await builtAfresh(cookies);
  console.log(
    `one client, each read right after a write (Today built afresh): p50 ${p50(fresh).toFixed(1)} ms, ` +
      `p95 ${p95(fresh).toFixed(1)} ms`,
  );
} finally {
  await stop(server);
  await stop(bare);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Today read right after a write by the same learner, so no kept answer can be used. */
async function builtAfresh(cookies: string[]): Promise<number[]> {
  const latencies: number[] = [];
  for (let n = 0; n < 150; n++) {
    const cookie = cookies[n % cookies.length]!;
    // Always a write (the change is also recorded as an xAPI statement), even when the value is the same.
    const write = await fetch(`${base}/api/me/learning-preferences`, {
      method: "PATCH",
      headers: { cookie, origin: base, "content-type": "application/json" },
      body: JSON.stringify({ nudgeFrequency: n % 2 === 0 ? "weekly" : "daily" }),
    });
    if (write.status !== 200) throw new Error(`learning-preferences: status ${write.status}`);
    const started = performance.now();
    const response = await fetch(`${base}/api/me/today`, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`today: status ${response.status}`);
    latencies.push(performance.now() - started);
  }
  return latencies.sort((a, b) => a - b);
}
