/**
 * The LRS's speed: statements per second posted one per request and in batches of 50 (each answer
 * comes after the commit), then the time of a statement query with an agent and a verb filter over a
 * large store. The store is filled with SQL (generate_series) between the two parts, because posting a
 * million statements through HTTP would take longer than the query is worth measuring.
 * Run: node bench/xapi-throughput.ts
 *   BENCH_DATABASE_URL=postgres://…  a PostgreSQL server (an empty database); unset: PGlite in a temp folder
 *   BENCH_STORE (1000000)  statements in the store for the query (0: measure posting only);
 *   BENCH_SINGLE (2000); BENCH_BATCHES (200)
 *   BENCH_PROFILE=<folder>  the server writes V8 CPU profiles there (node --cpu-prof), one per start
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, type DatabaseTarget } from "../server/db/client.ts";
import { load, percentile, start, stop, waitFor } from "./support/load.ts";

const STORE = Number(process.env.BENCH_STORE ?? 1_000_000);
const SINGLE = Number(process.env.BENCH_SINGLE ?? 2000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 200);
const AGENTS = 10_000;
const VERBS = 20;
const port = 3440 + Math.floor(Math.random() * 40);
const base = `http://127.0.0.1:${port}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-bench-xapi-"));
const target: DatabaseTarget = process.env.BENCH_DATABASE_URL
  ? { kind: "postgres", url: process.env.BENCH_DATABASE_URL }
  : { kind: "pglite", dataDir: path.join(dir, "data") };
const env = {
  PORT: String(port),
  DATA_DIR: path.join(dir, "data"),
  LOG_LEVEL: "warn",
  PUBLIC_URL: base,
  JOBS_MODE: "off",
  DEMO_SEED: "true",
  ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
  ...(process.env.BENCH_PROFILE
    ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}` }
    : {}),
};

async function startServer() {
  const server = start(path.resolve(import.meta.dirname, "../server/main.ts"), env);
  await waitFor(`${base}/xapi/about`, 300_000);
  return server;
}

async function createClient(): Promise<string> {
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: "coordinator@demo.beklijf.nl", password: "beklijf-demo" }),
  });
  const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
  const created = await fetch(`${base}/api/xapi-clients`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie },
    body: JSON.stringify({ name: "bench" }),
  });
  const { key, secret } = (await created.json()) as { key: string; secret: string };
  return `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;
}

const statement = (n: number) => ({
  actor: { mbox: `mailto:learner${n % AGENTS}@bench.test` },
  verb: { id: `http://adlnet.gov/expapi/verbs/v${n % VERBS}` },
  object: { id: `https://content.bench.test/course/${n % 500}`, definition: { name: { en: "Course" } } },
  result: { completion: true, score: { scaled: 0.8 } },
});

/** `total` POSTs by `concurrency` clients; returns statements per second. */
async function post(authorization: string, total: number, perRequest: number, concurrency: number) {
  let issued = 0;
  let counter = Math.floor(Math.random() * 1e6);
  const client = async () => {
    while (issued < total) {
      issued++;
      const body = Array.from({ length: perRequest }, () => statement(counter++));
      const response = await fetch(`${base}/xapi/statements`, {
        method: "POST",
        headers: { authorization, "content-type": "application/json", "x-experience-api-version": "2.0.0" },
        body: JSON.stringify(perRequest === 1 ? body[0] : body),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`POST /xapi/statements: ${response.status}`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  return (total * perRequest) / ((performance.now() - started) / 1000);
}

/** Fills the store to `STORE` statements of the demo organisation with SQL, in chunks. */
async function fill(): Promise<void> {
  const database = await openDatabase(target);
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const [org] = await rows<{ id: string }>(sql`SELECT id FROM organisations ORDER BY created_at LIMIT 1`);
  const [{ count }] = (await rows<{ count: number }>(
    sql`SELECT count(*)::int AS count FROM xapi_statements`,
  )) as [{ count: number }];
  const started = performance.now();
  const chunk = 50_000;
  for (let from = count; from < STORE; from += chunk) {
    const to = Math.min(STORE, from + chunk) - 1;
    await database.db.execute(sql`
      INSERT INTO xapi_statements (organisation_id, id, object_agent_key, verb, object_id, statement, timestamp, stored, related_activities, related_agents)
      SELECT ${org!.id}::uuid, gen_random_uuid(), NULL,
        'http://adlnet.gov/expapi/verbs/v' || (i % ${VERBS}),
        'https://content.bench.test/course/' || (i % 500),
        jsonb_build_object(
          'actor', jsonb_build_object('mbox', 'mailto:learner' || (i % ${AGENTS}) || '@bench.test'),
          'verb', jsonb_build_object('id', 'http://adlnet.gov/expapi/verbs/v' || (i % ${VERBS})),
          'object', jsonb_build_object('id', 'https://content.bench.test/course/' || (i % 500)),
          'stored', to_char(now() - (i || ' seconds')::interval, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
        now() - (i || ' seconds')::interval, now() - (i || ' seconds')::interval,
        ARRAY['https://content.bench.test/course/' || (i % 500)],
        ARRAY['mbox:mailto:learner' || (i % ${AGENTS}) || '@bench.test']
      FROM generate_series(${from}::int, ${to}::int) AS i`);
    process.stdout.write(`\rfilling the store: ${to + 1}/${STORE}`);
  }
  await database.db.execute(sql`ANALYZE xapi_statements`);
  console.log(`\nfilled in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await database.close();
}

async function queryTimes(authorization: string, rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; n < rounds; n++) {
    const agent = encodeURIComponent(
      JSON.stringify({ mbox: `mailto:learner${(n * 37) % AGENTS}@bench.test` }),
    );
    const verb = encodeURIComponent(`http://adlnet.gov/expapi/verbs/v${(n * 37) % VERBS}`);
    const started = performance.now();
    const response = await fetch(`${base}/xapi/statements?agent=${agent}&verb=${verb}&limit=50`, {
      headers: { authorization, "x-experience-api-version": "2.0.0" },
    });
    const body = (await response.json()) as { statements: unknown[] };
    times.push(performance.now() - started);
    if (response.status !== 200 || body.statements.length === 0) throw new Error("the query found nothing");
  }
  return times.sort((a, b) => a - b);
}

/**
 * The same 20 clients against a bare Fastify route in its own process: what this machine, at this
 * moment, allows any server answering one request at a time to reach (the machine is shared, so the
 * figures only compare with this one from the same run).
 */
async function bareCeiling(total: number): Promise<number> {
  const barePort = port + 40;
  const bare = start(path.resolve(import.meta.dirname, "support/bare-server.ts"), {}, [String(barePort)]);
  try {
    await waitFor(`http://127.0.0.1:${barePort}/bare`);
    await load(`http://127.0.0.1:${barePort}/bare`, [], 200, 10);
    const started = performance.now();
    await load(`http://127.0.0.1:${barePort}/bare`, [], total, 20);
    return total / ((performance.now() - started) / 1000);
  } finally {
    await stop(bare);
  }
}

console.log(
  `database: ${target.kind}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
);
console.log(`bare Fastify route (20 clients):        ${(await bareCeiling(SINGLE)).toFixed(0)} requests/s`);
let server = await startServer();
try {
  const authorization = await createClient();
  await post(authorization, 200, 1, 10); // warm-up
  const single = await post(authorization, SINGLE, 1, 20);
  console.log(`one statement per request (20 clients): ${single.toFixed(0)} statements/s`);
  const batched = await post(authorization, BATCHES, 50, 4);
  console.log(`batches of 50 (4 clients):              ${batched.toFixed(0)} statements/s`);
  await stop(server);
  if (STORE > 0) {
    await fill();
    server = await startServer();
    await queryTimes(authorization, 10);
    const times = await queryTimes(authorization, 100);
    console.log(
      `agent + verb query over ${STORE.toLocaleString("en")} statements (limit 50): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
    );
  }
} finally {
  await stop(server);
  fs.rmSync(dir, { recursive: true, force: true });
}
