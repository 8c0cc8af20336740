import fs from "node:fs";
import path from "node:path";
import { type Zippable, zipSync } from "fflate";

/**
 * Builds the fixture packages as zips at test time from the folders beside this file (no committed
 * binaries): `scorm12`, `scorm12-multi` (two SCOs) and `scorm2004` share their pages from `shared/`; `cmi5`
 * is its own folder.
 */
export type FixturePackage = "scorm12" | "scorm12-multi" | "scorm2004" | "cmi5";

const folder = import.meta.dirname;

function filesIn(dir: string): Record<string, Uint8Array> {
  return Object.fromEntries(
    fs.readdirSync(dir).map((name) => [name, new Uint8Array(fs.readFileSync(path.join(dir, name)))]),
  );
}

/** The fixture's files by path; `change` adds, replaces or (with null) removes files before zipping. */
export function fixtureFiles(
  name: FixturePackage,
  change: Record<string, string | Uint8Array | null> = {},
): Record<string, Uint8Array> {
  const files = {
    ...(name === "cmi5" ? {} : filesIn(path.join(folder, "shared"))),
    ...filesIn(path.join(folder, name)),
  };
  for (const [file, content] of Object.entries(change)) {
    if (content === null) delete files[file];
    else files[file] = typeof content === "string" ? new TextEncoder().encode(content) : content;
  }
  return files;
}

/** A fixture package as zip bytes. */
export function fixtureZip(
  name: FixturePackage,
  change: Record<string, string | Uint8Array | null> = {},
): Buffer {
  return Buffer.from(zipSync(fixtureFiles(name, change) as Zippable, { level: 6 }));
}

/** Any files as a zip, each with fflate's options (e.g. `{ os: 3, attrs: 0o120777 << 16 }` for a symlink). */
export function zipOf(files: Zippable): Buffer {
  return Buffer.from(zipSync(files, { level: 6 }));
}
