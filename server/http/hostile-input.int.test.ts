import { beforeAll, describe, expect, it } from "vitest";
import { TEST_ORIGIN, useTestApp } from "../../test-support/app.ts";
import { buildRichOrganisation } from "../../test-support/rich-organisation.ts";
import { snapshotTenant } from "../../test-support/tenant-snapshot.ts";
import { type Fixture, probes } from "./cross-tenant.probes.ts";

/**
 * Hostile input against every route of the OpenAPI document, signed in as the organisation's own
 * coordinator (so requests reach deep into the services): NUL bytes and lone surrogates in every text,
 * ±1e308 in every number, empty PATCH/PUT bodies, malformed and over-long path segments, hostile query
 * strings. No answer may be a 5xx; every refusal is problem+json with security headers and a localised
 * detail; and a refused write leaves the organisation's rows exactly as they were.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: Json[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}
interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}

/** A body of the right shape from the route's JSON schema, every leaf filled with `leaf`. */
function bodyFromSchema(schema: Schema | undefined, leaf: { text: string; number: number }, depth = 0): Json {
  if (!schema || depth > 4) return leaf.text;
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return bodyFromSchema(variant, leaf, depth + 1);
  if (schema.enum?.length) return schema.enum[0]!;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (type === "object" || schema.properties)
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([key, value]) => [
        key,
        bodyFromSchema(value, leaf, depth + 1),
      ]),
    );
  if (type === "array") return [bodyFromSchema(schema.items, leaf, depth + 1)];
  if (type === "number" || type === "integer") return leaf.number;
  if (type === "boolean") return true;
  return leaf.text;
}

/** The same body with every text leaf replaced by `text`, or every number leaf by `number`. */
function poison(value: Json, replace: { text?: string; number?: number }): Json {
  if (typeof value === "string") return replace.text ?? value;
  if (typeof value === "number") return replace.number ?? value;
  if (Array.isArray(value)) return value.map((v) => poison(v, replace));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, replace)]));
  return value;
}

const fastifyPath = (openApiPath: string) => openApiPath.replace(/\{([^}]+)\}/g, ":$1");

function fillPath(url: string, a: Fixture, override?: string): string {
  const ids: Record<string, string> = {
    personId: a.personId,
    teamId: a.teamId,
    trajectoryId: a.trajectoryId,
    cohortId: a.cohortId,
    scanId: a.scanId,
    questionId: a.questionId,
    activityId: a.activityId,
    competenceId: a.competenceId,
    planId: a.planId,
    relationId: a.relationId,
    requestId: a.requestId,
    applicationId: a.applicationId,
    kpiId: a.kpiId,
    actionId: a.scanActionId,
    interviewId: a.interviewId,
    sessionId: a.sessionId,
  };
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => override ?? ids[name] ?? "x");
}

interface Attack {
  label: string;
  method: string;
  url: string;
  body?: Json;
}

const hostileTexts = ["before\u0000after", "\ud800", "\udfff lone low"];
const hostileNumbers = [1e308, -1e308];
const hostileSegments = ["%ZZ", "a".repeat(101), "%00", "%E0%A4%A"];

function attacksFor(method: string, path: string, operation: Operation, a: Fixture): Attack[] {
  const url = fastifyPath(path);
  const probe = probes[`${method} ${url}`];
  const schema = operation.requestBody?.content?.["application/json"]?.schema;
  const base: Json | undefined = probe?.body
    ? (probe.body(a) as Json)
    : schema
      ? bodyFromSchema(schema, { text: "x", number: 1 })
      : undefined;
  const attacks: Attack[] = [];
  const target = fillPath(url, a);
  if (base !== undefined) {
    for (const text of hostileTexts)
      attacks.push({
        label: `text ${JSON.stringify(text)}`,
        method,
        url: target,
        body: poison(base, { text }),
      });
    for (const number of hostileNumbers)
      attacks.push({ label: `number ${number}`, method, url: target, body: poison(base, { number }) });
  }
  if (method === "PATCH" || method === "PUT")
    attacks.push({ label: "empty body", method, url: target, body: {} });
  if (url.includes(":"))
    for (const segment of hostileSegments)
      attacks.push({ label: `path ${segment}`, method, url: fillPath(url, a, segment), body: base });
  attacks.push({
    label: "hostile query",
    method,
    url: `${target}?cohortId=%00&format=%ZZ&q=%00&limit=1e308&lang=%ud800`,
    body: base,
  });
  return attacks;
}

describe("hostile input on every route", () => {
  const t = useTestApp();
  let a: Fixture;
  let organisationId: string;
  let cookie: string;
  let attacks: Attack[];

  beforeAll(async () => {
    a = (await buildRichOrganisation(t.database.db)).fixture;
    organisationId = (await t.database.db.query.organisations.findFirst({
      where: (o, { eq }) => eq(o.name, a.organisationName),
    }))!.id;
    cookie = await t.signIn("coord@alpha.test");
    const document = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as OpenApi;
    attacks = Object.entries(document.paths)
      .flatMap(([path, operations]) =>
        Object.entries(operations).flatMap(([method, operation]) =>
          attacksFor(method.toUpperCase(), path, operation, a),
        ),
      )
      // Signing out would end the session the rest depend on; deletions last, so the rest find their rows.
      .filter((attack) => !attack.url.startsWith("/api/auth/sign-out"))
      .sort((x, y) => Number(x.method === "DELETE") - Number(y.method === "DELETE"));
  });

  it("covers the whole OpenAPI document", () => {
    expect(attacks.length).toBeGreaterThan(300);
  });

  it("answers no 5xx, refuses with a localised problem, and a refused write changes nothing", async () => {
    const failures: string[] = [];
    // The state before each write is the state after the previous one: one snapshot per write.
    let state = await snapshotTenant(t.database.db, organisationId);
    for (const attack of attacks) {
      const isWrite = attack.method !== "GET";
      const response = await t.app.inject({
        method: attack.method as "GET",
        url: attack.url,
        headers: { origin: TEST_ORIGIN, cookie, "accept-language": "en" },
        ...(attack.body !== undefined && attack.method !== "GET" ? { payload: attack.body as object } : {}),
      });
      const where = `${attack.method} ${attack.url.slice(0, 90)} (${attack.label}) → ${response.statusCode}`;
      if (response.statusCode >= 500) failures.push(`${where}: ${response.body.slice(0, 200)}`);
      if (response.statusCode >= 400) {
        if (!String(response.headers["content-type"]).startsWith("application/problem+json"))
          failures.push(`${where}: not problem+json`);
        else if (typeof response.json().detail !== "string") failures.push(`${where}: no detail`);
        else {
          // In the user's words: no schema key (camelCase or snake_case) in what the user reads.
          const problem = response.json() as { detail: string; errors?: { message: string }[] };
          for (const message of [problem.detail, ...(problem.errors ?? []).map((e) => e.message)])
            if (/\b[a-z]+[A-Z]\w*\b|\b[a-z]+_[a-z_]+\b/.test(message))
              failures.push(`${where}: "${message}"`);
        }
        if (response.headers["x-content-type-options"] !== "nosniff")
          failures.push(`${where}: no security headers`);
      }
      if (isWrite) {
        const after = await snapshotTenant(t.database.db, organisationId);
        if (response.statusCode >= 400 && after !== state) failures.push(`${where}: partial write`);
        state = after;
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
