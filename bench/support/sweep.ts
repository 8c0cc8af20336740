import { monitorEventLoopDelay } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Db } from "../../server/db/client.ts";
import { cohorts, organisations, trajectories } from "../../server/db/schema/index.ts";
import { Tenant } from "../../server/db/tenant.ts";
import { withActivityIds } from "../../server/modules/trajectories/activity-ids.ts";
import { trajectoryTemplates } from "../../server/modules/trajectories/templates/index.ts";
import { renderTemplate } from "../../server/modules/trajectories/templates/template.ts";
import { percentile } from "./load.ts";

/** An organisation with the first template's trajectory and one cohort on `practiceDay`. */
export async function benchCohort(db: Db, practiceDay: string) {
  const [org] = await db.insert(organisations).values({ name: "Bench BV", defaultLocale: "nl" }).returning();
  const tenant = new Tenant(db, org!.id);
  const document = withActivityIds(renderTemplate(trajectoryTemplates[0]!, "nl"));
  const [trajectory] = await db
    .insert(trajectories)
    .values(tenant.row({ title: document.title, document }))
    .returning();
  const [cohort] = await db
    .insert(cohorts)
    .values(tenant.row({ trajectoryId: trajectory!.id, name: "Bench", sessionDates: [practiceDay] }))
    .returning();
  return { organisationId: org!.id, document, trajectoryId: trajectory!.id, cohortId: cohort!.id };
}

/**
 * Runs a sweep and measures how long requests wait meanwhile: every 50 ms a small query "arrives"; its
 * wait runs from that moment (when its timer was due, however late the event loop fired it) until the
 * answer. Returns the sweep's result and seconds, and prints the waits and the event-loop delay.
 */
export async function whileRequestsArrive<T>(db: Db, sweep: () => Promise<T>) {
  const waits: number[] = [];
  let sweeping = true;
  const probe = (async () => {
    while (sweeping) {
      const arrives = performance.now() + 50;
      await new Promise((resolve) => setTimeout(resolve, 50));
      await db.execute(sql`select 1`);
      waits.push(performance.now() - arrives);
    }
  })();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const result = await sweep();
  const seconds = (performance.now() - started) / 1000;
  sweeping = false;
  loop.disable();
  await probe;
  waits.sort((a, b) => a - b);
  const report = () => {
    console.log(
      `  a request meanwhile waited p50 ${percentile(waits, 50).toFixed(1)} ms, p95 ${percentile(waits, 95).toFixed(1)} ms, ` +
        `max ${waits.at(-1)!.toFixed(1)} ms (${waits.length} probes)`,
    );
    console.log(
      `  event-loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`,
    );
  };
  return { result, seconds, report };
}
