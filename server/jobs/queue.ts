import { fromPglite, PgBoss } from "pg-boss";
import type { Logger } from "pino";
import type { Database } from "../db/client.ts";

/** Stable job names: renaming one strands queued jobs, so treat a rename as a migration. */
export const jobNames = [
  "notifications.deliver-outbox",
  "reminders.send-nudges",
  "reminders.send-digests",
  "auth.send-reset-links",
  "auth.send-sign-in-links",
  "packages.abandon-cmi5-sessions",
  "ops.nightly-backup",
  "ops.maintain-database",
  "ops.forget-data-changes",
  "ai.draft-questions",
  "xapi.forward-statements",
] as const;
export type JobName = (typeof jobNames)[number];

export type JobHandler = () => Promise<void>;

export interface Jobs {
  /** Asks for a job to run soon. Never throws: the scheduled sweep is the safety net. */
  send(name: JobName): Promise<void>;
  stop(): Promise<void>;
}

export interface JobsOptions {
  /** Run handlers in this process (the default for one-process installs and the worker process). */
  work: boolean;
  handlers: Record<JobName, JobHandler>;
  /** Cron schedules: the sweep that picks up anything a crash left behind. */
  schedules: Partial<Record<JobName, string>>;
  logger: Logger;
}

/**
 * Starts pg-boss on the same database as the app: PGlite through pg-boss's adapter, or its own pool
 * on a PostgreSQL server. Handlers are idempotent sweeps, so a job that runs twice does no harm.
 */
export async function startJobs(database: Database, options: JobsOptions): Promise<Jobs> {
  const boss =
    database.kind === "pglite" && database.pglite
      ? new PgBoss({ db: fromPglite(database.pglite), backend: "pglite", schedule: options.work })
      : new PgBoss({ connectionString: database.url ?? "", max: 3, schedule: options.work });
  boss.on("error", (error: unknown) => options.logger.error({ err: error }, "job queue error"));
  await boss.start();
  for (const name of jobNames) await boss.createQueue(name, { policy: "singleton" });
  if (options.work) {
    for (const name of jobNames) {
      const handler = options.handlers[name];
      await boss.work(name, { pollingIntervalSeconds: 2 }, async () => {
        await handler();
      });
      const cron = options.schedules[name];
      if (cron) await boss.schedule(name, cron);
    }
  }
  return {
    async send(name) {
      try {
        await boss.send(name, {});
      } catch (error) {
        options.logger.warn(
          { err: error, job: name },
          "could not queue job; the scheduled sweep will run it",
        );
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5_000 });
    },
  };
}

/** For processes that must not run jobs (tests of the HTTP edge, tools): queues nothing. */
export const noJobs: Jobs = {
  send: async () => {},
  stop: async () => {},
};
