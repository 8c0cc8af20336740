import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import en from "../../common/i18n/en.json" with { type: "json" };
import fr from "../../common/i18n/fr.json" with { type: "json" };
import nl from "../../common/i18n/nl.json" with { type: "json" };
import { supportedLocales } from "../../common/locales.ts";
import { translator } from "../i18n.ts";
import { describeIssue } from "./error-handler.ts";

const root = join(import.meta.dirname, "../..");
const catalogues = { en, nl, fr } as const;

/** A message names a schema key when it holds a camelCase or snake_case word, or an untranslated key. */
const schemaKey = /\b[a-z]+[A-Z]\w*\b|\b[a-z]+_[a-z_]+\b|\b(fields|validation)\.|\{\{/;

/** Request schemas: everything exported from common/schemas that a client sends. */
const requestName = /(Body|Params|Query|Input|Patch|Document|Answers|Notes|Ratings|Preferences|Schema|KPI)$/;

interface FieldCase {
  schemaName: string;
  path: string[];
  schema: z.ZodType;
}

/** Every object key in a schema, however deep, with the path the error handler would see. */
function fieldsOf(schema: z.ZodType, schemaName: string, path: string[] = [], seen = new Set<unknown>()) {
  const out: FieldCase[] = [];
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === "object") {
    for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      out.push({ schemaName, path: [...path, key], schema: child });
      out.push(...fieldsOf(child, schemaName, [...path, key], seen));
    }
  }
  for (const inner of ["innerType", "element", "in", "out", "valueType", "schema", "left", "right"]) {
    if (def[inner]) out.push(...fieldsOf(def[inner] as z.ZodType, schemaName, path, seen));
  }
  for (const list of ["options", "items"]) {
    for (const option of (def[list] as z.ZodType[] | undefined) ?? []) {
      out.push(...fieldsOf(option, schemaName, path, seen));
    }
  }
  return out;
}

const schemaFiles = readdirSync(join(root, "common/schemas")).filter(
  (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
);
const cases: FieldCase[] = [];
for (const file of schemaFiles) {
  const module = (await import(
    /* @vite-ignore */ pathToFileURL(join(root, "common/schemas", file)).href
  )) as Record<string, unknown>;
  for (const [name, value] of Object.entries(module)) {
    if (value instanceof z.ZodType && requestName.test(name)) cases.push(...fieldsOf(value, name));
  }
}

/** Inputs that make a field fail in every way a form can: missing, empty, wrong kind, too big. */
const badInputs: unknown[] = [
  undefined,
  null,
  "",
  "   ",
  "x".repeat(2_100_000),
  -1e12,
  1e12,
  0.5,
  true,
  [],
  {},
];

describe("field errors in the user's words", () => {
  it("finds the request schemas", () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  it("has a label in every catalogue for every field of every request schema", () => {
    const missing = new Set<string>();
    for (const { path } of cases) {
      const key = path.at(-1)!;
      for (const locale of supportedLocales) {
        if (!(key in catalogues[locale].fields)) missing.add(`${locale}: fields.${key}`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it("has a label for every field a service names in invalid(field, code), and the code's message", () => {
    const missing = new Set<string>();
    const files = readdirSync(join(root, "server"), { recursive: true, encoding: "utf8" }).filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
    );
    for (const file of files) {
      const source = readFileSync(join(root, "server", file), "utf8");
      for (const [, field, code] of source.matchAll(/\binvalid\(\s*"([\w.]+)",\s*"(\w+)"/g)) {
        for (const locale of supportedLocales) {
          const catalogue = catalogues[locale];
          if (!(field! in catalogue.fields)) missing.add(`${locale}: fields.${field}`);
          if (!(code! in catalogue.validation)) missing.add(`${locale}: validation.${code}`);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });

  it("has a label for every path parameter of every route", () => {
    const missing = new Set<string>();
    const files = readdirSync(join(root, "server/modules"), { recursive: true, encoding: "utf8" }).filter(
      (f) => f.endsWith(".routes.ts"),
    );
    for (const file of files) {
      const source = readFileSync(join(root, "server/modules", file), "utf8");
      const urls = source.match(/"\/api\/[^"]*"/g) ?? [];
      for (const [, param] of urls.join(" ").matchAll(/:(\w+)/g)) {
        for (const locale of supportedLocales) {
          if (!(param! in catalogues[locale].fields)) missing.add(`${locale}: fields.${param}`);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });

  it.each(supportedLocales)("never names a schema key in a field message (%s)", (locale) => {
    const t = translator(locale);
    const bad: string[] = [];
    for (const { schemaName, path, schema } of cases) {
      for (const input of badInputs) {
        const result = schema.safeParse(input);
        if (result.success) continue;
        for (const issue of result.error.issues) {
          const full = { ...issue, path: [...path, ...issue.path] } as Parameters<typeof describeIssue>[2];
          const { message } = describeIssue(t, path[0]!, full, locale);
          if (schemaKey.test(message)) bad.push(`${schemaName}.${path.join(".")}: ${message}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe("describeIssue", () => {
  const issueFor = (schema: z.ZodType, input: unknown, path: string[]) => {
    const result = schema.safeParse(input);
    if (result.success) throw new Error("expected a failure");
    const issue = result.error.issues[0]!;
    return { ...issue, path: [...path, ...issue.path] } as Parameters<typeof describeIssue>[2];
  };

  it("writes the limits of a field shown in per cent as percentages", () => {
    const retention = z.number().min(0.7).max(0.97);
    const tooHigh = issueFor(retention, 0.99, ["document", "desiredRetention"]);
    expect(describeIssue(translator("nl"), "document", tooHigh, "nl").message).toBe(
      "Gewenste onthoudkans mag hoogstens 97% zijn.",
    );
    const tooLow = issueFor(retention, 0.5, ["document", "desiredRetention"]);
    expect(describeIssue(translator("en"), "document", tooLow, "en").message).toBe(
      "Desired retention must be at least 70%.",
    );
  });

  it("keeps the top-level field for the form and says where inside it", () => {
    const issue = issueFor(z.number().max(0.97), 1, ["document", "desiredRetention"]);
    expect(describeIssue(translator("nl"), "document", issue, "nl")).toMatchObject({
      field: "document",
      path: "document.desiredRetention",
    });
  });

  it("writes a file's size limit in MB, not in characters", async () => {
    const { askFeedbackBody, MAX_ATTACHMENT_BYTES } = await import("../../common/schemas/peer-feedback.ts");
    const data = "x".repeat(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 100);
    const result = askFeedbackBody.safeParse({
      colleagueId: "00000000-0000-4000-8000-000000000000",
      cohortId: "00000000-0000-4000-8000-000000000000",
      about: "x",
      attachment: { name: "a.mp4", type: "video/mp4", data },
    });
    const issue = result.error!.issues[0]!;
    expect(describeIssue(translator("nl"), "attachment", issue, "nl").message).toBe(
      "Foto of video mag hoogstens 8 MB groot zijn.",
    );
  });

  it("asks to choose one when a choice is left empty", () => {
    const issue = issueFor(z.enum(["a", "b"]), "", ["outcome"]);
    expect(describeIssue(translator("nl"), "outcome", issue, "nl").message).toBe(
      "Kies een van de opties bij Hoe het ging.",
    );
    const missing = issueFor(z.object({ outcome: z.enum(["a", "b"]) }), {}, []);
    expect(describeIssue(translator("en"), "outcome", missing, "en").message).toBe(
      "Choose one of the options for How it went.",
    );
  });

  it("writes limits with the reader's digit grouping", () => {
    const issue = issueFor(z.string().max(2000), "x".repeat(2001), ["agreements"]);
    expect(describeIssue(translator("nl"), "agreements", issue, "nl").message).toBe(
      "Afspraken mag hoogstens 2.000 tekens lang zijn.",
    );
  });
});
