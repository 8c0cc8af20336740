import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";
import { firstScreenTexts } from "../common/i18n/first-screen-texts.ts";

/** A catalogue, or a part of it: sections of sections of texts. */
export type Texts = { [key: string]: string | Texts };

const CATALOGUES = ["en", "nl", "fr", "nl-BE"] as const;
const PARTS_MODULE = "virtual:catalogue-parts";
const PART_ID = /^\0catalogue-(en|nl|fr|nl-BE)-(first|rest)\.js$/;

const isSection = (value: unknown): value is Texts => typeof value === "object" && value !== null;

/**
 * Splits a catalogue into the entries under `paths` and everything else; merged back key by key, the
 * two parts make the catalogue again. A path a catalogue lacks (nl-BE holds only its differences) is
 * skipped.
 */
export function splitCatalogue(catalogue: Texts, paths: readonly string[]): { first: Texts; rest: Texts } {
  const first: Texts = {};
  const rest: Texts = structuredClone(catalogue);
  for (const keyPath of paths) moveEntry(rest, first, keyPath.split("."));
  return { first: prune(first), rest: prune(rest) };
}

/** A text's plural forms ("minutes_one", "minutes_other") go with it. */
const PLURAL = /_(?:zero|one|two|few|many|other)$/;
const isEntry = (key: string, name: string) => key === name || key.replace(PLURAL, "") === name;

function moveEntry(from: Texts, to: Texts, keys: string[]): void {
  const [name, ...deeper] = keys;
  if (name === undefined) return;
  const value = from[name];
  if (deeper.length > 0 && isSection(value)) {
    const into = (to[name] ??= {});
    if (isSection(into)) moveEntry(value, into, deeper);
    return;
  }
  for (const key of Object.keys(from).filter((key) => isEntry(key, name))) {
    to[key] = from[key] as string | Texts;
    delete from[key];
  }
}

/** Drops the sections that moving entries left empty. */
function prune(texts: Texts): Texts {
  for (const [key, value] of Object.entries(texts)) {
    if (isSection(value) && Object.keys(prune(value)).length === 0) delete texts[key];
  }
  return texts;
}

/** `catalogueParts`: for each language, a loader for its first part and one for its rest. */
function partsModule(): string {
  const entries = CATALOGUES.map(
    (language) =>
      `${JSON.stringify(language)}: { first: () => import("\0catalogue-${language}-first.js"), ` +
      `rest: () => import("\0catalogue-${language}-rest.js") }`,
  );
  return `export const catalogueParts = { ${entries.join(", ")} };\n`;
}

/**
 * Serves each catalogue (`common/i18n/<lang>.json`) as two chunks, made from the catalogue when the
 * app is built or served, so nothing generated is committed: the entries the first screens need
 * (`firstScreenTexts`) and the rest. Each part is a `JSON.parse` of a string, which a browser parses
 * faster than the same object written as code.
 */
export function catalogueParts(catalogueDir: string): Plugin {
  return {
    name: "beklijf-catalogue-parts",
    resolveId: (id) => (id === PARTS_MODULE ? `\0${PARTS_MODULE}` : PART_ID.test(id) ? id : undefined),
    load(id) {
      if (id === `\0${PARTS_MODULE}`) return partsModule();
      const match = PART_ID.exec(id);
      if (!match) return undefined;
      const [, language, part] = match as unknown as [string, string, "first" | "rest"];
      const file = path.join(catalogueDir, `${language}.json`);
      this.addWatchFile(file);
      const catalogue = JSON.parse(fs.readFileSync(file, "utf8")) as Texts;
      const texts = splitCatalogue(catalogue, firstScreenTexts)[part];
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(texts))});\n`;
    },
  };
}
