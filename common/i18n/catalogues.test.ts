import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorCodes } from "../errors.ts";
import en from "./en.json" with { type: "json" };
import nl from "./nl.json" with { type: "json" };

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const english = flatten(en as Tree);
const dutch = flatten(nl as Tree);
const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

/** Keys written literally in the code: t("a.b.c") and t(`a.b.${x}`) (the latter as a prefix). */
function keysUsedInCode(): { literal: Set<string>; prefixes: Set<string> } {
  const literal = new Set<string>();
  const prefixes = new Set<string>();
  const root = path.resolve(import.meta.dirname, "../..");
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".test.ts")) {
        const source = fs.readFileSync(full, "utf8");
        for (const m of source.matchAll(/\bt\(\s*"([\w.]+)"/g)) literal.add(m[1]!);
        for (const m of source.matchAll(/\bt\(\s*`([\w.]+)\.\$\{/g)) prefixes.add(m[1]!);
      }
    }
  };
  walk(path.join(root, "web"));
  walk(path.join(root, "server"));
  return { literal, prefixes };
}

describe("message catalogues", () => {
  it("has every English string in Dutch, and nothing extra", () => {
    const missing = [...english.keys()].filter((key) => !dutch.has(key));
    const extra = [...dutch.keys()].filter((key) => !english.has(key));
    expect(missing, "missing in nl.json").toEqual([]);
    expect(extra, "only in nl.json").toEqual([]);
  });

  it("has no empty strings and the same placeholders in both languages", () => {
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe("");
      expect(dutch.get(key)?.trim(), key).not.toBe("");
      expect(placeholders(dutch.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("has a message for every error code", () => {
    for (const code of errorCodes) expect(english.has(`errors.${code}`), code).toBe(true);
  });

  it("has every key the code asks for", () => {
    const { literal, prefixes } = keysUsedInCode();
    expect(literal.size).toBeGreaterThan(50);
    const pluralAware = (key: string) => english.has(key) || english.has(`${key}_one`);
    expect([...literal].filter((key) => !pluralAware(key))).toEqual([]);
    const allKeys = [...english.keys()];
    expect([...prefixes].filter((prefix) => !allKeys.some((key) => key.startsWith(`${prefix}.`)))).toEqual(
      [],
    );
  });
});
