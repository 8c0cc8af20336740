import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestApp, publicPost, useTestApp } from "../../test-support/app.ts";
import { expectErrorOutput } from "../../test-support/error-output-guard.ts";

describe("API basics", () => {
  const t = useTestApp();

  it("GET /api/health answers 200 when the database answers", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe("ok");
  });

  it("publishes an OpenAPI document generated from the schemas", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      "/api/health",
      "/api/auth/sign-in",
      "/api/auth/sign-out",
      "/api/me",
      "/api/people",
      "/api/people/import",
      "/api/me/today",
      "/api/me/practice",
      "/api/practice-answers",
      "/api/me/calendar-feed",
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    const signIn = doc.paths["/api/auth/sign-in"].post.requestBody.content["application/json"].schema;
    expect(signIn.required).toEqual(expect.arrayContaining(["email", "password"]));
    const answer = doc.paths["/api/practice-answers"].post.requestBody.content["application/json"].schema;
    expect(answer.required).toEqual(expect.arrayContaining(["cardId", "answer", "answeredAt", "clientId"]));
  });

  it("sends security headers with a strict Content-Security-Policy", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(response.headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("tells browsers and proxies not to keep API answers, and allows no camera, microphone or location", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/me/export" });
    expect(response.statusCode).toBe(401);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.headers["permissions-policy"]).toContain("camera=()");
    expect(response.headers["permissions-policy"]).toContain("geolocation=()");
  });

  it("answers an address Fastify cannot route with the same localised problem and headers", async () => {
    for (const url of ["/api/teams/%ZZ", `/api/teams/${"a".repeat(101)}`]) {
      const response = await t.app.inject({ method: "GET", url, headers: { "accept-language": "nl" } });
      expect(response.statusCode, url).toBe(400);
      expect(response.headers["content-type"], url).toContain("application/problem+json");
      expect(response.json(), url).toMatchObject({
        code: "INVALID_ADDRESS",
        detail: expect.stringContaining("webadres"),
      });
      expect(response.headers["x-content-type-options"], url).toBe("nosniff");
      expect(response.headers["content-security-policy"], url).toContain("default-src 'self'");
      expect(response.headers["cache-control"], url).toBe("no-store");
    }
  });

  it("refuses text PostgreSQL cannot store and numbers that overflow, naming the field in the user's language", async () => {
    const huge = await publicPost(
      t,
      "/api/effect-sizes",
      { design: "independent", groupA: [1, 2, 1e308], groupB: [1, 2, 3] },
      { headers: { "accept-language": "en" } },
    );
    expect(huge.statusCode).toBe(400);
    expect(huge.json().errors[0]).toMatchObject({ field: "groupA", code: "number_out_of_range" });
    const nul = await publicPost(
      t,
      "/api/auth/forgot-password",
      { email: "a\u0000@example.test" },
      { headers: { "accept-language": "nl" } },
    );
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(nul.json().detail).toMatch(/^E-mailadres bevat tekens/);
  });

  it("answers unknown API paths and unreadable bodies with problem+json", async () => {
    const missing = await t.app.inject({
      method: "GET",
      url: "/api/does-not-exist",
      headers: { "accept-language": "en" },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    expect(missing.json()).toMatchObject({ code: "NOT_FOUND", status: 404 });
    const broken = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: { "content-type": "application/json", "accept-language": "nl" },
      payload: "{not json",
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({
      code: "BAD_REQUEST",
      detail: expect.stringContaining("geldige JSON"),
    });
  });

  it("turns an unexpected database error into a generic 500 without SQL or stack", async () => {
    // The failure is logged for the operator, with the statement but without its values.
    expectErrorOutput("log", /^unhandled error: Failed query: select .* from .*\nparams: \[withheld\]$/s);
    const broken = await createTestApp();
    try {
      await broken.database.db.execute(sql`drop table one_time_tokens`);
      const response = await publicPost(broken, "/api/auth/forgot-password", {
        email: "someone@example.test",
      });
      // No person matches, so nothing touches the dropped table: the request still succeeds.
      expect(response.statusCode).toBe(202);
      const invitation = await broken.app.inject({
        method: "POST",
        url: "/api/auth/invitations/lookup",
        payload: { token: "x".repeat(43) },
      });
      expect(invitation.statusCode).toBe(500);
      expect(invitation.json()).toMatchObject({ code: "INTERNAL", requestId: expect.any(String) });
      expect(invitation.body).not.toMatch(/one_time_tokens|relation|select|at \//i);
    } finally {
      await broken.close();
    }
  });
});
