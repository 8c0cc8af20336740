/**
 * Times how long Beklijf takes from process start until /api/health answers: cold (a new data folder,
 * so migrations and the demo organisation are created) and warm (the same folder again).
 * Run: node bench/startup.ts   (the web app must be built: npm run build)
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = 3900 + Math.floor(Math.random() * 50);

async function timeStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, "server/main.ts")], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 60_000) throw new Error("no answer within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

const runs = Number(process.env.BENCH_RUNS ?? 3);
const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beklijf-start-"));
  const dataDir = path.join(dir, "data");
  cold.push(await timeStart(dataDir));
  warm.push(await timeStart(dataDir));
  fs.rmSync(dir, { recursive: true, force: true });
}
const fmt = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `min ${sorted[0]!.toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`;
};
console.log(`Start until /api/health answers (${runs} runs, PGlite):`);
console.log(`  cold (new data folder: migrations + demo seed)  ${fmt(cold)}`);
console.log(`  warm (existing data folder)                      ${fmt(warm)}`);
