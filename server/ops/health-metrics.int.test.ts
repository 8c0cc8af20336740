import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorLogger, TEST_ORIGIN } from "../../test-support/app.ts";
import { createTestDatabase } from "../../test-support/database.ts";
import type { Database } from "../db/client.ts";
import { loadConfig } from "../env.ts";
import { buildApp } from "../http/app.ts";
import { noJobs } from "../jobs/queue.ts";
import { readMigrations } from "./migrations.ts";
import { appVersion } from "./version.ts";

const TOKEN = "metrics-token-for-the-test";

async function appWith(database: Database, env: Record<string, string>) {
  const config = { ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...env }), publicUrl: TEST_ORIGIN };
  const app = await buildApp(
    { config, database, jobs: noJobs, mailer: null, clock: () => new Date() },
    { webDist: null, logger: errorLogger() },
  );
  await app.ready();
  return app;
}

describe("health and metrics", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("GET /api/health names the version and the migration the database runs", async () => {
    const app = await appWith(database, {});
    const response = await app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: "ok",
      version: appVersion,
      migration: readMigrations().at(-1)!.tag,
      database: database.kind,
    });
    // Without METRICS_TOKEN there are no metrics at all.
    expect((await app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(404);
    await app.close();
  });

  it("serves Prometheus metrics per route template to the bearer of METRICS_TOKEN only", async () => {
    const app = await appWith(database, { METRICS_TOKEN: TOKEN });
    await app.inject({ method: "GET", url: "/api/health" });
    await app.inject({ method: "GET", url: "/api/no-such-thing/123" });
    expect((await app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(401);
    const wrong = await app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: "Bearer nope" },
    });
    expect(wrong.statusCode).toBe(401);
    const response = await app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/plain");
    expect(response.body).toContain(
      'beklijf_http_requests_total{route="/api/health",method="GET",status="2xx"} 1',
    );
    expect(response.body).toContain('route="unmatched"');
    expect(response.body).not.toContain("no-such-thing");
    expect(response.body).toMatch(
      /beklijf_http_request_duration_seconds_bucket\{le="0.005",route="\/api\/health"/,
    );
    expect(response.body).toContain("# TYPE beklijf_job_queue_depth gauge");
    if (database.kind === "postgres")
      expect(response.body).toMatch(/beklijf_db_pool_connections\{state="total"\} \d+/);
    await app.close();
  });
});
