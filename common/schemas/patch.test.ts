import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { teamPatch } from "./teams.ts";

/** Every PATCH-like body schema the API exports (`…Patch`, `update…`), found by name so new ones are covered. */
async function patchSchemas(): Promise<[string, z.ZodType][]> {
  const found: [string, z.ZodType][] = [];
  for (const file of fs.readdirSync(import.meta.dirname).filter((f) => /^[a-z-]+\.ts$/.test(f))) {
    const module = (await import(path.join(import.meta.dirname, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module))
      if (/patch|^update/i.test(name) && value instanceof z.ZodObject) found.push([`${file} ${name}`, value]);
  }
  return found;
}

describe("PATCH bodies", () => {
  it("leave out what the client left out (no defaults fill in omitted fields)", async () => {
    const schemas = await patchSchemas();
    expect(schemas.length).toBeGreaterThanOrEqual(5);
    expect(schemas.filter(([, s]) => s.safeParse({}).success).length).toBeGreaterThanOrEqual(5);
    for (const [name, schema] of schemas) {
      // A body with required fields (a PUT of a whole document) is not a patch; the rest must parse to {}.
      const parsed = schema.safeParse({});
      if (parsed.success) expect(parsed.data, name).toEqual({});
    }
  });

  it("renaming a team says nothing about its members", () => {
    expect(teamPatch.parse({ name: "Montage Noord" })).toEqual({ name: "Montage Noord" });
  });
});
