/**
 * Measures the signed-in home API under load: 50 concurrent clients call GET /api/home for a fixed
 * number of requests against a real server on the embedded database with the demo organisation.
 * Prints throughput and latency percentiles (p50, p95, p99). Run: npm run bench
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../server/db/client.ts";
import { seedDemo } from "../server/db/seed/demo.ts";
import { loadConfig } from "../server/env.ts";
import { buildApp } from "../server/http/app.ts";
import { noJobs } from "../server/jobs/queue.ts";
import { createLogger } from "../server/logger.ts";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const WARMUP = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-bench-")), "data");
const database = await openDatabase({ kind: "pglite", dataDir });
await seedDemo(database.db);
const config = { ...loadConfig({ LOG_LEVEL: "silent" }), port: 0 };
const app = await buildApp(
  { config, database, jobs: noJobs, mailer: null, clock: () => new Date() },
  { logger: createLogger("silent") },
);
const address = await app.listen({ port: 0, host: "127.0.0.1" });

const signIn = await fetch(`${address}/api/auth/sign-in`, {
  method: "POST",
  headers: { "content-type": "application/json", origin: address },
  body: JSON.stringify({ email: "coordinator@demo.beklijf.nl", password: "beklijf-demo" }),
});
const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;

async function run(total: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      const started = performance.now();
      const response = await fetch(`${address}/api/home`, { headers: { cookie } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return latencies;
}

await run(WARMUP);
const started = performance.now();
const latencies = (await run(REQUESTS)).sort((a, b) => a - b);
const seconds = (performance.now() - started) / 1000;

console.log(
  `GET /api/home (coordinator, demo organisation), ${CONCURRENCY} concurrent, ${REQUESTS} requests, PGlite`,
);
console.log(`  throughput  ${(REQUESTS / seconds).toFixed(0)} req/s`);
console.log(`  p50         ${percentile(latencies, 50).toFixed(1)} ms`);
console.log(`  p95         ${percentile(latencies, 95).toFixed(1)} ms`);
console.log(`  p99         ${percentile(latencies, 99).toFixed(1)} ms`);
console.log(`  max         ${latencies.at(-1)!.toFixed(1)} ms`);

await app.close();
await database.close();
fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
