import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Modules depend on each other in one direction only. Lint keeps imports to another module's index.ts;
 * this test keeps the graph of those imports free of loops, so a module can be read, tested and changed
 * without the ones that use it.
 */
const root = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const module of fs.readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const uses = new Set<string>();
    for (const file of sourceFiles(path.join(root, module.name))) {
      for (const [, spec] of fs.readFileSync(file, "utf8").matchAll(/from "([^"]+)"/g)) {
        const target = path.relative(root, path.resolve(path.dirname(file), spec!));
        const other = target.split(path.sep)[0]!;
        if (!target.startsWith("..") && other !== module.name && target.includes(path.sep)) uses.add(other);
      }
    }
    graph.set(module.name, uses);
  }
  return graph;
}

function findLoop(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const trail: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === "done") return null;
    if (state.get(node) === "open") return [...trail.slice(trail.indexOf(node)), node];
    state.set(node, "open");
    trail.push(node);
    for (const next of graph.get(node) ?? []) {
      const loop = visit(next);
      if (loop) return loop;
    }
    trail.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    const loop = visit(node);
    if (loop) return loop;
  }
  return null;
}

describe("module borders", () => {
  it("has no loop between modules", () => {
    const graph = moduleGraph();
    expect(graph.size).toBeGreaterThan(15);
    expect(findLoop(graph)).toBeNull();
  });

  it("lets modules reach each other only through index.ts", () => {
    const deep: string[] = [];
    for (const file of sourceFiles(root)) {
      const own = path.relative(root, file).split(path.sep)[0];
      for (const [, spec] of fs.readFileSync(file, "utf8").matchAll(/from "([^"]+)"/g)) {
        const target = path.relative(root, path.resolve(path.dirname(file), spec!));
        const [other, ...rest] = target.split(path.sep);
        if (!target.startsWith("..") && other !== own && rest.join("/") !== "index.ts")
          deep.push(`${path.relative(root, file)} → ${spec}`);
      }
    }
    expect(deep).toEqual([]);
  });
});
