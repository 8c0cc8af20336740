/**
 * Lighthouse's mobile performance score (its default: a mid-range phone, slow 4G, 4× CPU slowdown) for
 * the pages a learner opens most: sign-in, Today and Practice, as the demo learner, with the JavaScript
 * each page downloads (compressed on the wire and unpacked) and what Lighthouse finds unused. Beklijf
 * runs as its own process on a fresh demo data folder, serving the built web app.
 * Run: node bench/lighthouse.ts   (needs `npm run build` first; CHROME_PATH, default /usr/bin/chromium)
 * LIGHTHOUSE_REPORTS=<folder> keeps each page's full JSON report there (`<page>-<time>.json`), to read
 * what the score is made of: main-thread work, long tasks, the LCP element, request chains.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { withDemoLearner } from "./support/demo-app.ts";

const run = promisify(execFile);
const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const ROOT = path.resolve(import.meta.dirname, "..");
const port = 3800 + Math.floor(Math.random() * 40);
const base = `http://127.0.0.1:${port}`;
const REPORTS = process.env.LIGHTHOUSE_REPORTS;

interface NetworkItem {
  url: string;
  resourceType?: string;
  transferSize?: number;
  resourceSize?: number;
}
interface Report {
  categories: { performance: { score: number | null } };
  audits: Record<string, { numericValue?: number; details?: { items?: unknown[] } }>;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const seconds = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)} s`;

/** Lighthouse sometimes loses its trace on a busy machine (NO_NAVSTART): such a run is tried again. */
async function lighthouse(url: string, cookie: string | null, attempts = 3): Promise<Report> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseOnce(url, cookie);
    } catch (error) {
      if (attempt >= attempts) throw error;
      console.log(`  (Lighthouse run ${attempt} on ${new URL(url).pathname} failed; trying again)`);
    }
  }
}

async function lighthouseOnce(url: string, cookie: string | null): Promise<Report> {
  const args = [
    url,
    "--only-categories=performance",
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  const { stdout } = await run(path.join(ROOT, "node_modules/.bin/lighthouse"), args, {
    env: { ...process.env, CHROME_PATH: CHROME },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stderr?: string }) => {
    throw new Error(`lighthouse ${url}: ${String(error.stderr ?? error).slice(0, 300)}`);
  });
  keepReport(url, stdout);
  return JSON.parse(stdout) as Report;
}

function keepReport(url: string, json: string): void {
  if (!REPORTS) return;
  fs.mkdirSync(REPORTS, { recursive: true });
  const page = new URL(url).pathname.replace(/\W+/g, "") || "home";
  fs.writeFileSync(path.join(REPORTS, `${page}-${new Date().toISOString().replace(/\W/g, "")}.json`), json);
}

function describe(name: string, report: Report): string {
  const items = (report.audits["network-requests"]?.details?.items ?? []) as NetworkItem[];
  const scripts = items.filter((item) => item.resourceType === "Script");
  const wire = scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
  const unpacked = scripts.reduce((sum, item) => sum + (item.resourceSize ?? 0), 0);
  const all = items.reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
  const unused = report.audits["unused-javascript"]?.details?.items as { wastedBytes?: number }[] | undefined;
  const unusedBytes = (unused ?? []).reduce((sum, item) => sum + (item.wastedBytes ?? 0), 0);
  const score = Math.round(100 * (report.categories.performance.score ?? 0));
  const metric = (id: string) => report.audits[id]?.numericValue;
  return [
    `${name.padEnd(9)} score ${String(score).padStart(3)}   FCP ${seconds(metric("first-contentful-paint"))}, ` +
      `LCP ${seconds(metric("largest-contentful-paint"))}, TBT ${Math.round(metric("total-blocking-time") ?? 0)} ms, ` +
      `CLS ${(metric("cumulative-layout-shift") ?? 0).toFixed(3)}`,
    `          JavaScript ${scripts.length} files, ${kib(wire)} on the wire (${kib(unpacked)} unpacked), ` +
      `${kib(unusedBytes)} unused; page total ${kib(all)}`,
    ...scripts
      .sort((a, b) => (b.transferSize ?? 0) - (a.transferSize ?? 0))
      .slice(0, 6)
      .map((item) => `            ${kib(item.transferSize ?? 0).padStart(8)}  ${new URL(item.url).pathname}`),
  ].join("\n");
}

await withDemoLearner(base, async (cookie) => {
  console.log(`Lighthouse mobile performance (slow 4G, 4× CPU slowdown), ${CHROME}, demo learner`);
  console.log(describe("sign-in", await lighthouse(`${base}/sign-in`, null)));
  console.log(describe("Today", await lighthouse(`${base}/today`, cookie)));
  console.log(describe("Practice", await lighthouse(`${base}/practice`, cookie)));
});
