import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorCodes } from "../errors.ts";
import { supportedLocales } from "../locales.ts";
import en from "./en.json" with { type: "json" };
import fr from "./fr.json" with { type: "json" };
import nlBE from "./nl-BE.json" with { type: "json" };
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
const catalogues = { en: english, nl: dutch, fr: flatten(fr as Tree) } as const;
const translations = supportedLocales.filter((locale) => locale !== "en");
const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

/** The plural forms i18next asks a language for ("one", "many", "other" in French), as key suffixes. */
const pluralSuffixes = (locale: string) =>
  new Intl.PluralRules(locale).resolvedOptions().pluralCategories.map((category) => `_${category}`);
const suffixPattern = /_(zero|one|two|few|many|other)$/;
/** The English keys that are plural ("x_one", "x_other"), by their base ("x"). */
const englishPlurals = new Set(
  [...english.keys()].filter((key) => key.endsWith("_other")).map((key) => key.replace(suffixPattern, "")),
);
const isPluralForm = (key: string) =>
  suffixPattern.test(key) && englishPlurals.has(key.replace(suffixPattern, ""));

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

describe("every language's catalogue", () => {
  it.each(translations)("has every English string in %s, and nothing extra", (locale) => {
    const catalogue = catalogues[locale];
    const singular = (keys: Iterable<string>) => [...keys].filter((key) => !isPluralForm(key));
    expect(
      singular(english.keys()).filter((key) => !catalogue.has(key)),
      `missing in ${locale}.json`,
    ).toEqual([]);
    expect(
      singular(catalogue.keys()).filter((key) => !english.has(key)),
      `only in ${locale}.json`,
    ).toEqual([]);
  });

  it.each(supportedLocales)("has every plural form %s needs, and no other", (locale) => {
    const catalogue = catalogues[locale];
    const wanted = pluralSuffixes(locale);
    for (const base of englishPlurals) {
      const forms = [...catalogue.keys()].filter(
        (key) => key.replace(suffixPattern, "") === base && isPluralForm(key),
      );
      expect(forms.map((key) => key.slice(base.length)).sort(), `${locale}: ${base}`).toEqual(
        [...wanted].sort(),
      );
    }
  });

  it.each(supportedLocales)("has no empty string in %s, and the English placeholders", (locale) => {
    const catalogue = catalogues[locale];
    for (const [key, text] of catalogue) {
      expect(text.trim(), `${locale}: ${key}`).not.toBe("");
      const source = english.get(key) ?? english.get(key.replace(suffixPattern, "_other")) ?? "";
      expect(placeholders(text), `${locale}: ${key}`).toEqual(placeholders(source));
    }
  });

  it("keeps French spacing: a space before : ; ? ! and inside « »", () => {
    const tight = [...catalogues.fr].filter(([, text]) =>
      /[^\s\d][;?!]|[A-Za-zÀ-ÿ)»]:(?!\/\/)|«[^\s]|[^\s]»/.test(text.replace(/{{\w+}}|https?:\S+/g, "")),
    );
    expect(tight.map(([key]) => key)).toEqual([]);
  });

  it("has the Flemish variant only where it differs, each with Dutch's placeholders", () => {
    const flemish = flatten(nlBE as Tree);
    expect(flemish.size).toBeGreaterThan(0);
    for (const [key, text] of flemish) {
      expect(dutch.has(key), `nl-BE: ${key} is not a Dutch key`).toBe(true);
      expect(text.trim(), key).not.toBe("");
      expect(text, `nl-BE: ${key} is the same as Dutch`).not.toBe(dutch.get(key));
      expect(placeholders(text), key).toEqual(placeholders(dutch.get(key) ?? ""));
    }
  });
});

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
