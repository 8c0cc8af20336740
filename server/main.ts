import { openDatabase } from "./db/client.ts";
import { DataFolderLockedError } from "./db/data-folder-lock.ts";
import { seedDemo } from "./db/seed/demo.ts";
import { ConfigError, loadConfig } from "./env.ts";
import { buildApp } from "./http/app.ts";
import { jobHandlers, jobSchedules } from "./jobs/handlers.ts";
import { startJobs } from "./jobs/queue.ts";
import { createLogger } from "./logger.ts";
import { createMailer } from "./modules/notifications/mailer.ts";

/** Composition root: env → db → http → jobs. Nothing else wires things together. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(
    config.database.kind === "pglite"
      ? { kind: "pglite", dataDir: config.database.dataDir }
      : config.database,
  );
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  if (config.seedDemo && (await seedDemo(database.db))) {
    logger.info("created the demo organisation (see README for the demo sign-ins)");
  }
  const jobs = await startJobs(database, {
    // PGlite serves one process, so that process must run the jobs too.
    work: config.jobsMode === "inline" || database.kind === "pglite",
    handlers: jobHandlers(database.db, mailer, config.publicUrl, undefined, config.secretsKey),
    schedules: jobSchedules,
    logger,
  });
  const app = await buildApp(
    { config, database, mailer, jobs, clock: () => new Date() },
    { webDist: config.webDist, logger },
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    await app.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  await jobs.send("notifications.deliver-outbox");
  logger.info(
    { url: config.publicUrl, database: database.kind, startupMs: Math.round(performance.now() - started) },
    `Beklijf is running at ${config.publicUrl}`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataFolderLockedError) {
    console.error(error.message);
  } else {
    console.error("Beklijf could not start:", error);
  }
  process.exit(1);
});
