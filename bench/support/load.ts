import { spawn, type ChildProcess } from "node:child_process";

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  for (let waited = 0; ; waited += 100) {
    if (waited > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `concurrency` clients issue `total` GETs between them; each request picks the next cookie in turn. */
export async function load(
  url: string,
  cookies: string[],
  total: number,
  concurrency: number,
): Promise<number[]> {
  const latencies: number[] = [];
  let issued = 0;
  const client = async () => {
    while (issued < total) {
      const cookie = cookies[issued % cookies.length];
      issued++;
      const started = performance.now();
      const response = await fetch(url, { headers: cookie ? { cookie } : {} });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url}: status ${response.status}`);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return latencies.sort((a, b) => a - b);
}

export function summary(label: string, latencies: number[], seconds: number): string {
  return [
    label,
    `  throughput  ${(latencies.length / seconds).toFixed(0)} req/s`,
    `  p50         ${percentile(latencies, 50).toFixed(1)} ms`,
    `  p95         ${percentile(latencies, 95).toFixed(1)} ms`,
    `  p99         ${percentile(latencies, 99).toFixed(1)} ms`,
  ].join("\n");
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}

/**
 * Starts a script in its own Node process. With BENCH_CPU_PROF=<folder> the server under test writes a
 * V8 CPU profile there when it stops (open it in Chrome DevTools, or summarise with bench/profile-top.ts).
 */
export function start(script: string, env: Record<string, string>, args: string[] = []): ChildProcess {
  const profileDir = process.env.BENCH_CPU_PROF;
  const profile =
    profileDir && !script.endsWith("bare-server.ts") ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  return spawn(process.execPath, [...profile, script, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
