import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Guards decision 0033: product sentences live in common/content/<locale>/*.json and UI text in the
 * i18n catalogues, never in an inline `{ en: "…", nl: "…" }` object in code. A property named after a
 * language that holds a string literal is the sign; a language code mapped to itself (an alias table)
 * and a language mapped to its Intl tag are not text. Tests may hold such objects (xAPI language maps, fixtures).
 */
const root = path.resolve(import.meta.dirname, "../..");
const scanned = ["server", "common", "web"];
const inlineText = /(?<![\w.-])["']?(en|nl|fr)["']?\s*:\s*(["'`])((?:\\.|(?!\2)[^\\])*)\2/g;

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    const isSource = /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name);
    return isSource ? [full] : [];
  });
}

export function findInlineTexts(source: string): string[] {
  return (
    [...source.matchAll(inlineText)]
      // A language tag ("nl", "fr-BE") is a code for Intl, not a sentence.
      .filter(([, , , value]) => !/^[a-z]{2}(-[A-Z]{2})?$/.test(value ?? ""))
      .map(([match]) => match.slice(0, 80))
  );
}

describe("inline texts", () => {
  it("recognises an inline text object and lets an alias table pass", () => {
    expect(findInlineTexts(`const t = { en: "Hello there", nl: 'Hallo daar' };`)).toHaveLength(2);
    expect(findInlineTexts(`title: {\n  en: \`Safe\`,\n  fr: "Sûr" }`)).toHaveLength(2);
    expect(findInlineTexts(`const aliases = { nl: "nl", en: "en" };`)).toEqual([]);
    expect(findInlineTexts(`const tags = { nl: "nl-NL", fr: "fr-BE" };`)).toEqual([]);
    expect(findInlineTexts(`const x = { lang: "nl", token: "x" }; obj.en = 1;`)).toEqual([]);
  });

  it("finds none in server, common or web: texts live in common/content or the catalogues", () => {
    const offenders = scanned
      .flatMap((folder) => sourceFiles(path.join(root, folder)))
      .flatMap((file) =>
        findInlineTexts(fs.readFileSync(file, "utf8")).map((hit) => `${path.relative(root, file)}: ${hit}`),
      );
    expect(offenders).toEqual([]);
  });
});
