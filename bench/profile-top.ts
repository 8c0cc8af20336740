/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, or a bench run with BENCH_CPU_PROF=<folder>): the
 * functions with the most self time, and self time per file or package, so a note can quote the top of
 * a flame graph without a browser.
 * Run: node bench/profile-top.ts <file.cpuprofile> [how many, default 25]
 */
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, howMany = "25"] = process.argv.slice(2);
if (!file) throw new Error("usage: node bench/profile-top.ts <file.cpuprofile> [n]");
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));

/** Microseconds of self time per profile node: each sample's delta goes to the node it landed in. */
const selfTime = new Map<number, number>();
profile.samples.forEach((id, index) => {
  selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
const total = [...selfTime.values()].reduce((sum, value) => sum + value, 0);

function shortUrl(url: string): string {
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) return url.slice(modules + "node_modules/".length);
  const repo = url.indexOf("/server/");
  return repo >= 0 ? url.slice(repo + 1) : url.replace(/^file:\/\//, "");
}

/** The package name for a file under node_modules, else the repository folder. */
function ownerOf(url: string): string {
  if (!url) return "(native / V8)";
  const short = shortUrl(url);
  if (url.includes("node_modules/")) {
    const parts = short.split("/");
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (url.startsWith("node:")) return "node (core)";
  return short.split("/").slice(0, 3).join("/");
}

const byFunction = new Map<string, number>();
const byOwner = new Map<string, number>();
for (const [id, micros] of selfTime) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const name = `${functionName || "(anonymous)"}  ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ""}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  byOwner.set(ownerOf(url), (byOwner.get(ownerOf(url)) ?? 0) + micros);
}

/**
 * Total (inclusive) time of the project's own functions: every sample counts once for each distinct
 * function of ours on its stack, so a use case shows what it costs with the queries it waits on in-line.
 */
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const inclusive = new Map<string, number>();
for (const [id, micros] of selfTime) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const { functionName, url } = byId.get(at)!.callFrame;
    if (!url.includes("/server/") || url.includes("node_modules/") || !functionName) continue;
    seen.add(`${functionName}  ${shortUrl(url)}`);
  }
  for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
}

const print = (title: string, entries: Map<string, number>) => {
  console.log(title);
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, Number(howMany)))
    console.log(
      `  ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`,
    );
};
console.log(`profile ${file}: ${(total / 1e6).toFixed(1)} s sampled`);
print("self time by function", byFunction);
print("self time by package or folder", byOwner);
print("total time of our own functions (synchronous part, queries run in-line on PGlite)", inclusive);
