import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitCatalogue, type Texts } from "../../scripts/catalogue-parts.ts";
import en from "./en.json" with { type: "json" };
import { firstScreenTexts } from "./first-screen-texts.ts";
import nlBE from "./nl-BE.json" with { type: "json" };
import nl from "./nl.json" with { type: "json" };

const root = path.resolve(import.meta.dirname, "../..");
/** Where the first screens start: the app's entry (the shell) and the three screens' own modules. */
const firstScreens = [
  "web/main.tsx",
  "web/features/auth/sign-in-page.tsx",
  "web/features/learning/today-page.tsx",
  "web/features/learning/practice-page.tsx",
];

/** A module and every module it imports as code, without following `import()` (other chunks). */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !/\.tsx?$/.test(file)) return seen;
  seen.add(file);
  const source = fs.readFileSync(file, "utf8");
  for (const [statement, specifier] of source.matchAll(/^(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/gm)) {
    if (!statement.startsWith("import type") && specifier) {
      staticImports(path.resolve(path.dirname(file), specifier), seen);
    }
  }
  return seen;
}

/** Keys written in the code, t("a.b.c"), and the known start of those built, t(`a.b.${x}`). */
function keysIn(files: Iterable<string>): Set<string> {
  const sections = Object.keys(en).join("|");
  const key = new RegExp(`["'\`]((?:${sections})\\.[\\w.]+)`, "g");
  const keys = new Set<string>();
  for (const file of files) {
    for (const [, found] of fs.readFileSync(file, "utf8").matchAll(key)) {
      if (found) keys.add(found.replace(/\.$/, ""));
    }
  }
  return keys;
}

const covered = (key: string) =>
  firstScreenTexts.some((entry) => key === entry || key.startsWith(`${entry}.`));

describe("the first screens' texts", () => {
  it("hold every key the shell, sign-in, Today and practice use", () => {
    const files = new Set(firstScreens.flatMap((file) => [...staticImports(path.join(root, file))]));
    const keys = keysIn(files);
    expect(keys.size).toBeGreaterThan(40);
    expect([...keys].filter((key) => !covered(key))).toEqual([]);
  });

  it("name entries the English catalogue has (a plural by its base)", () => {
    const missing = firstScreenTexts.filter(
      (entry) => Object.keys(splitCatalogue(en, [entry]).first).length === 0,
    );
    expect(missing).toEqual([]);
  });

  it("and the rest make each catalogue again, key by key", () => {
    for (const catalogue of [en, nl, nlBE] as Texts[]) {
      const { first, rest } = splitCatalogue(catalogue, firstScreenTexts);
      expect(JSON.stringify(first)).not.toContain('"ui":{}');
      expect(flatten(first).size + flatten(rest).size).toBe(flatten(catalogue).size);
      expect(new Map([...flatten(first), ...flatten(rest)])).toEqual(flatten(catalogue));
    }
  });
});

function flatten(texts: Texts, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}
