/**
 * Where a page's long tasks go: opens sign-in, Today and Practice (as the demo learner) in Chromium with
 * the CPU slowed 4× as Lighthouse's phone is, records a trace with the JavaScript sampling profiler, and
 * prints every main-thread task over 50 ms with its self time by source file and function, mapped back
 * through the build's source maps (Lighthouse's own report names only the chunk). Decision 0031.
 * Run: node bench/page-profile.ts [page ...]   (needs `npm run build` first; CHROME_PATH as for
 * lighthouse.ts; PAGE_TRACES=<folder> keeps the traces, for the browser's performance panel)
 */
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { chromium } from "@playwright/test";
import { withDemoLearner } from "./support/demo-app.ts";

const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const ROOT = path.resolve(import.meta.dirname, "..");
const ASSETS = path.join(ROOT, "dist/web/assets");
const port = 3850 + Math.floor(Math.random() * 40);
const base = `http://127.0.0.1:${port}`;
const LONG_TASK_MS = 50;

interface TraceEvent {
  name: string;
  ph?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args: { name?: string; data?: ProfileData };
}
interface CallFrame {
  functionName: string;
  url?: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileData {
  startTime?: number;
  cpuProfile?: { nodes?: { id: number; callFrame: CallFrame }[]; samples?: number[] };
  timeDeltas?: number[];
}

/** A `name=value` cookie as the browser context takes it. */
function cookieOf(header: string): { name: string; value: string } {
  const [name, ...value] = header.split("=");
  return { name: name!, value: value.join("=") };
}

async function tracePage(page: string, cookie: { name: string; value: string }): Promise<TraceEvent[]> {
  const browser = await chromium.launch({ executablePath: CHROME });
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    if (page !== "sign-in") await context.addCookies([{ ...cookie, url: base }]);
    const tab = await context.newPage();
    await (await context.newCDPSession(tab)).send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const categories = ["loading", "devtools.timeline", "disabled-by-default-devtools.timeline"];
    await browser.startTracing(tab, { categories: [...categories, "disabled-by-default-v8.cpu_profiler"] });
    await tab.goto(`${base}/${page}`);
    await tab.waitForTimeout(4000);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    if (process.env.PAGE_TRACES) {
      fs.mkdirSync(process.env.PAGE_TRACES, { recursive: true });
      fs.writeFileSync(path.join(process.env.PAGE_TRACES, `${page}.json`), JSON.stringify(trace));
    }
    return trace.traceEvents;
  } finally {
    await browser.close();
  }
}

/** The page's main thread: the renderer thread with the most events. */
function mainThread(events: TraceEvent[]): string {
  const renderers = new Set(
    events.filter((e) => e.name === "thread_name" && e.args.name === "CrRendererMain").map(threadOf),
  );
  const counts = new Map<string, number>();
  for (const e of events)
    if (renderers.has(threadOf(e))) counts.set(threadOf(e), (counts.get(threadOf(e)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}
const threadOf = (e: TraceEvent) => `${e.pid}:${e.tid}`;

/** Each profiler sample as [time, call frame], from the profile chunks of the page's process. */
function samplesOf(events: TraceEvent[], pid: number): [number, CallFrame][] {
  const frames = new Map<number, CallFrame>();
  const samples: [number, CallFrame][] = [];
  let time = 0;
  for (const e of events.filter(
    (e) => e.pid === pid && (e.name === "Profile" || e.name === "ProfileChunk"),
  )) {
    const data = e.args.data!;
    if (data.startTime) time = data.startTime;
    for (const node of data.cpuProfile?.nodes ?? []) frames.set(node.id, node.callFrame);
    (data.cpuProfile?.samples ?? []).forEach((id, at) => {
      time += data.timeDeltas![at]!;
      if (frames.has(id)) samples.push([time, frames.get(id)!]);
    });
  }
  return samples;
}

const sourceMaps = new Map<string, SourceMap | null>();
function sourceMapOf(file: string): SourceMap | null {
  if (!sourceMaps.has(file)) {
    const mapFile = path.join(ASSETS, `${file}.map`);
    const map = fs.existsSync(mapFile) ? new SourceMap(JSON.parse(fs.readFileSync(mapFile, "utf8"))) : null;
    sourceMaps.set(file, map);
  }
  return sourceMaps.get(file)!;
}

/** "react-router/…/utils.js:504 compilePath" from a built chunk's position; the browser's own work as named. */
function sourceOf(frame: CallFrame): string {
  const file = (frame.url ?? "").split("/").pop() ?? "";
  const map = file.endsWith(".js") ? sourceMapOf(file) : null;
  if (!map) return frame.functionName || "(browser)";
  // An empty entry, or one without a source, is code the bundler wrote itself (a chunk's top level).
  const at: { originalSource?: string; originalLine?: number; name?: string } = map.findEntry(
    frame.lineNumber,
    frame.columnNumber,
  );
  if (!at.originalSource) return `${file} (top level)`;
  const source = at.originalSource.replace(/^.*node_modules\//, "").replace(/^(\.\.\/)+/, "");
  return `${source}:${(at.originalLine ?? 0) + 1} ${at.name ?? ""}`;
}

const top = (counts: Map<string, number>, n: number) =>
  [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, count]) => `${key} ×${count}`)
    .join(" | ");

function describeLongTasks(page: string, events: TraceEvent[]): string {
  const thread = mainThread(events);
  // Times count from the document's request (Playwright's trace has no navigationStart mark).
  const start = events.find((e) => e.name === "ResourceSendRequest")?.ts ?? 0;
  const samples = samplesOf(events, Number(thread.split(":")[0]));
  const tasks = events.filter(
    (e) => threadOf(e) === thread && e.name === "RunTask" && (e.dur ?? 0) > LONG_TASK_MS * 1000,
  );
  const lines = [
    `${page}: ${tasks.length} tasks over ${LONG_TASK_MS} ms (4× CPU slowdown), self time in samples`,
  ];
  for (const task of tasks) {
    const self = new Map<string, number>();
    for (const [time, frame] of samples)
      if (time >= task.ts && time < task.ts + task.dur!)
        self.set(sourceOf(frame), (self.get(sourceOf(frame)) ?? 0) + 1);
    lines.push(
      `  at ${((task.ts - start) / 1000).toFixed(0)} ms, ${(task.dur! / 1000).toFixed(0)} ms: ${top(self, 6)}`,
    );
  }
  return lines.join("\n");
}

const pages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["sign-in", "today", "practice"];
await withDemoLearner(base, async (header) => {
  const cookie = cookieOf(header);
  for (const page of pages) console.log(describeLongTasks(page, await tracePage(page, cookie)));
});
