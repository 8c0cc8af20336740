import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { supportedLocales } from "../locales.ts";
import { contentLocales, contentReader } from "./content.ts";

const folder = import.meta.dirname;
const read = (locale: string, file: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(folder, locale, file), "utf8"));
const domains = fs.readdirSync(path.join(folder, "en")).filter((file) => file.endsWith(".json"));

/** Every leaf as "path → string", so two languages can be compared key by key. */
function leaves(value: unknown, at = ""): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      for (const [leaf, text] of leaves(child, at ? `${at}.${key}` : key)) found.set(leaf, text);
    }
  } else found.set(at, value);
  return found;
}

const placeholders = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe("content files", () => {
  it("cover every language the app offers", () => {
    for (const locale of supportedLocales) expect(contentLocales).toContain(locale.split("-")[0]);
    for (const locale of contentLocales) expect(fs.existsSync(path.join(folder, locale))).toBe(true);
  });

  describe.each(contentLocales.filter((l) => l !== "en"))("%s", (locale) => {
    it.each(domains)("%s has every English key, no other key, and no empty text", (file) => {
      const english = leaves(read("en", file));
      const translated = leaves(read(locale, file));
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of translated) {
        expect(typeof text, `${locale}/${file} ${key}`).toBe("string");
        expect(String(text).trim(), `${locale}/${file} ${key}`).not.toBe("");
      }
    });

    it.each(domains)("%s keeps the English placeholders", (file) => {
      const english = leaves(read("en", file));
      for (const [key, text] of leaves(read(locale, file))) {
        expect(placeholders(text), `${locale}/${file} ${key}`).toEqual(placeholders(english.get(key)));
      }
    });
  });

  it("has no file that exists in one language only", () => {
    for (const locale of contentLocales) {
      expect(fs.readdirSync(path.join(folder, locale)).sort()).toEqual([...domains].sort());
    }
  });

  it("reads a regional variant from its language's files", () => {
    const read = contentReader({ nl: "nl", en: "en", fr: "fr" });
    expect(read("nl-BE")).toBe("nl");
    expect(read("fr-BE")).toBe("fr");
    expect(read("en")).toBe("en");
  });
});
