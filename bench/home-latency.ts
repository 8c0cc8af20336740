/**
 * Measures the signed-in home API under load. Beklijf runs as its own process (as in production, on
 * the embedded database with the demo organisation), and this process plays 50 concurrent clients
 * calling GET /api/home as the demo coordinator. Prints throughput and latency percentiles.
 * Run: npm run bench   (needs the web app built: npm start or npm run build does that)
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const PATH_UNDER_TEST = process.env.BENCH_PATH ?? "/api/home";
const WARMUP = 500;
const port = 3950 + Math.floor(Math.random() * 40);
const base = `http://127.0.0.1:${port}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-bench-"));
const server = spawn(process.execPath, [path.resolve(import.meta.dirname, "../server/main.ts")], {
  env: {
    ...process.env,
    PORT: String(port),
    DATA_DIR: path.join(dir, "data"),
    LOG_LEVEL: "warn",
    PUBLIC_URL: base,
  },
  stdio: ["ignore", "ignore", "inherit"],
});

try {
  for (let waited = 0; ; waited += 100) {
    if (waited > 60_000) throw new Error("the server did not start within 60 s");
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: "coordinator@demo.beklijf.nl", password: "beklijf-demo" }),
  });
  const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;

  const run = async (total: number): Promise<number[]> => {
    const latencies: number[] = [];
    let issued = 0;
    const client = async () => {
      while (issued < total) {
        issued++;
        const started = performance.now();
        const response = await fetch(`${base}${PATH_UNDER_TEST}`, { headers: { cookie } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`status ${response.status}`);
        latencies.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, client));
    return latencies;
  };

  await run(WARMUP);
  const started = performance.now();
  const latencies = (await run(REQUESTS)).sort((a, b) => a - b);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `GET ${PATH_UNDER_TEST} as the demo coordinator: ${CONCURRENCY} concurrent clients, ${REQUESTS} requests, PGlite`,
  );
  console.log(`  throughput  ${(REQUESTS / seconds).toFixed(0)} req/s`);
  console.log(`  p50         ${percentile(latencies, 50).toFixed(1)} ms`);
  console.log(`  p95         ${percentile(latencies, 95).toFixed(1)} ms`);
  console.log(`  p99         ${percentile(latencies, 99).toFixed(1)} ms`);
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  fs.rmSync(dir, { recursive: true, force: true });
}
