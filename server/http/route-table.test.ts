import { drizzle } from "drizzle-orm/node-postgres";
import Fastify, { type RouteOptions } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import * as schema from "../db/schema/index.ts";
import type { Actor } from "./context.ts";
import { registerErrorHandler } from "./error-handler.ts";
import { attachment, defineRoutes, publicRoute, route, withHeaders } from "./route-table.ts";
import { registerScope } from "./scope.ts";

const thingId = "5b0a3c0e-8f5d-4c1e-9d1a-0c9e6f2b7a10";
const actor: Actor = {
  personId: "person-1",
  organisationId: "organisation-1",
  sessionId: "session-1",
  name: "Sam",
  email: "sam@example.org",
  roles: new Set(),
  locale: null,
};
const thingParams = z.object({ thingId: z.uuid() });
const thingView = z.object({ id: z.string(), name: z.string(), copies: z.number(), by: z.string() });
const deleted: string[] = [];

const thingRoutes = defineRoutes(["things"], ({ label }: { label: string }) => [
  route.post(
    "/api/things/:thingId",
    {
      summary: "Make a thing",
      params: thingParams,
      query: z.object({ copies: z.coerce.number().default(1) }),
      body: z.object({ name: z.string() }),
      response: thingView,
      status: 201,
    },
    (scope, { params, query, body }) => ({
      id: params.thingId,
      name: `${label}${body.name}`,
      copies: query.copies,
      by: scope.actor.personId,
    }),
  ),
  route.delete(
    "/api/things/:thingId",
    { summary: "Remove a thing", params: thingParams, status: 204 },
    (_, { params }) => {
      deleted.push(params.thingId);
    },
  ),
  route.get(
    "/api/things/:thingId/file",
    { summary: "A thing as CSV", params: thingParams, tags: ["files"], bodyLimit: 1024 },
    (_, { params }) =>
      withHeaders(attachment(`thing-${params.thingId}.csv`, "text/csv; charset=utf-8"), "a;b\n"),
  ),
  publicRoute.get(
    "/api/things-language",
    {
      summary: "The reader's language, no sign-in",
      response: z.object({ locale: z.string() }),
      rateLimit: { max: 5, timeWindow: "1 minute" },
    },
    (request) => ({ locale: request.locale }),
  ),
]);

/** The table's plugin in a bare Fastify with the real scope and error handler; `x-signed-in` signs in. */
async function tableApp() {
  const routes: RouteOptions[] = [];
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onRoute", (options) => void routes.push(options));
  app.decorateRequest("locale", "en");
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request) => {
    if (request.headers["x-signed-in"]) request.actor = actor;
  });
  registerScope(app, drizzle.mock({ schema }), "http://localhost", () => new Date("2026-03-02T09:00:00Z"));
  registerErrorHandler(app);
  await app.register(thingRoutes, { label: "Thing " });
  await app.ready();
  const routeOf = (method: string, url: string) => routes.find((r) => r.method === method && r.url === url);
  return { app, routeOf };
}

describe("defineRoutes", () => {
  it("refuses a signed-in route without a session, through the central check", async () => {
    const { app } = await tableApp();
    const response = await app.inject({
      method: "POST",
      url: `/api/things/${thingId}`,
      payload: { name: "A" },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("hands the handler the scope and the validated input, and answers with the route's status", async () => {
    const { app } = await tableApp();
    const response = await app.inject({
      method: "POST",
      url: `/api/things/${thingId}?copies=3`,
      headers: { "x-signed-in": "yes" },
      payload: { name: "A" },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id: thingId, name: "Thing A", copies: 3, by: "person-1" });
  });

  it("validates the input with the route's schemas before the handler runs", async () => {
    const { app } = await tableApp();
    const response = await app.inject({
      method: "POST",
      url: "/api/things/not-an-id",
      headers: { "x-signed-in": "yes" },
      payload: { name: "A" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("sends no body with 204", async () => {
    const { app } = await tableApp();
    const response = await app.inject({
      method: "DELETE",
      url: `/api/things/${thingId}`,
      headers: { "x-signed-in": "yes" },
    });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe("");
    expect(deleted).toContain(thingId);
  });

  it("sends an answer with its own headers as it is", async () => {
    const { app } = await tableApp();
    const response = await app.inject({
      url: `/api/things/${thingId}/file`,
      headers: { "x-signed-in": "yes" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="thing-${thingId}.csv"`);
    expect(response.body).toBe("a;b\n");
  });

  it("lets anyone call a public route, whose handler gets the request", async () => {
    const { app } = await tableApp();
    const response = await app.inject({ url: "/api/things-language" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ locale: "en" });
  });

  it("gives Fastify the options the routes used to spell out", async () => {
    const { routeOf } = await tableApp();
    const made = routeOf("POST", "/api/things/:thingId");
    expect(made?.config).toEqual({ access: "signed-in" });
    expect(made?.schema).toMatchObject({
      tags: ["things"],
      summary: "Make a thing",
      params: thingParams,
      querystring: expect.any(z.ZodObject),
      body: expect.any(z.ZodObject),
      response: { 201: thingView },
    });
    // A part without a schema is left out, not set to undefined (Fastify warns about those).
    expect(Object.keys(routeOf("DELETE", "/api/things/:thingId")?.schema ?? {})).toEqual([
      "tags",
      "summary",
      "params",
    ]);
    const file = routeOf("GET", "/api/things/:thingId/file");
    expect(file?.schema).toMatchObject({ tags: ["files"] });
    expect(file?.bodyLimit).toBe(1024);
    expect(routeOf("GET", "/api/things-language")?.config).toEqual({
      access: "public",
      rateLimit: { max: 5, timeWindow: "1 minute" },
    });
  });

  it("types the handler's input and answer from the schemas", () => {
    route.get(
      "/api/typed/:thingId",
      { summary: "Typed", params: thingParams, response: z.object({ id: z.string() }) },
      (scope, { params, query, body }) => {
        expectTypeOf(scope.actor).toEqualTypeOf<Actor>();
        expectTypeOf(params).toEqualTypeOf<{ thingId: string }>();
        expectTypeOf(query).toBeUnknown();
        expectTypeOf(body).toBeUnknown();
        return { id: params.thingId };
      },
    );
    route.get(
      "/api/typed",
      { summary: "Typed", response: z.object({ id: z.string() }) },
      // @ts-expect-error the answer must match the response schema
      () => ({ id: 1 }),
    );
    publicRoute.get(
      "/api/typed",
      { summary: "Typed" },
      // @ts-expect-error a public route has no scope: its handler gets the request
      (request) => request.tenant,
    );
  });
});
