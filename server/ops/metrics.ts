import { createHash, timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "../db/client.ts";

/**
 * Prometheus metrics at `/metrics` (decision 0030), only when METRICS_TOKEN is set and only for
 * `Authorization: Bearer <token>`. Labels are route templates (`/api/cohorts/:cohortId`), never paths
 * with ids, names or addresses in them. Each app has its own registry (tests build many apps).
 */
export async function registerMetrics(
  app: FastifyInstance,
  options: { token: string | null; database: Database },
): Promise<void> {
  if (!options.token) return;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "beklijf_" });
  const requests = new Counter({
    name: "beklijf_http_requests_total",
    help: "HTTP requests answered, by route template, method and status class",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "beklijf_http_request_duration_seconds",
    help: "Time to answer, by route template and method",
    labelNames: ["route", "method"] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  registerQueueDepth(registry, options.database);
  registerPoolGauges(registry, options.database);

  app.addHook("onResponse", async (request, reply) => {
    const route = routeLabel(request);
    if (route === "/metrics") return;
    requests.inc({ route, method: request.method, status: `${Math.floor(reply.statusCode / 100)}xx` });
    duration.observe({ route, method: request.method }, reply.elapsedTime / 1000);
  });

  const expected = digest(options.token);
  app.get("/metrics", { schema: { hide: true }, config: { access: "public" } }, async (request, reply) => {
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (!given || !timingSafeEqual(digest(given), expected)) {
      return reply.code(401).header("www-authenticate", "Bearer").type("text/plain").send("unauthorised\n");
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

/** Equal-length digests, so the comparison takes the same time whatever was sent. */
function digest(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

/** Unmatched paths (404s, probes) share one label, so a scanner cannot grow the series without bound. */
function routeLabel(request: FastifyRequest): string {
  return request.routeOptions.url ?? "unmatched";
}

function registerQueueDepth(registry: Registry, database: Database): void {
  const depth = new Gauge({
    name: "beklijf_job_queue_depth",
    help: "Jobs waiting to run (created or retrying), by queue",
    labelNames: ["queue"] as const,
    registers: [],
    async collect() {
      this.reset();
      try {
        const result = (await database.db.execute(
          sql`select name, count(*)::int as waiting from pgboss.job where state in ('created', 'retry') group by name`,
        )) as unknown as { rows: { name: string; waiting: number }[] };
        for (const row of result.rows) this.set({ queue: row.name }, Number(row.waiting));
      } catch {
        // No queue schema yet (a process that never started jobs): report nothing rather than fail the scrape.
      }
    },
  });
  registry.registerMetric(depth);
}

function registerPoolGauges(registry: Registry, database: Database): void {
  const pool = database.pool;
  if (!pool) return;
  const connections = new Gauge({
    name: "beklijf_db_pool_connections",
    help: "The web process's PostgreSQL connections: total, idle, and requests waiting for one",
    labelNames: ["state"] as const,
    registers: [],
    collect() {
      this.set({ state: "total" }, pool.totalCount);
      this.set({ state: "idle" }, pool.idleCount);
      this.set({ state: "waiting" }, pool.waitingCount);
    },
  });
  registry.registerMetric(connections);
}
