import { openDatabase } from "./db/client.ts";
import { loadConfig } from "./env.ts";
import { jobHandlers, jobSchedules } from "./jobs/handlers.ts";
import { startJobs } from "./jobs/queue.ts";
import { createLogger } from "./logger.ts";
import { createMailer } from "./modules/notifications/mailer.ts";
import { maintainDatabase } from "./ops/maintenance.ts";
import { nightlyBackup } from "./ops/nightly.ts";

/** A separate job worker for installs on a PostgreSQL server (`JOBS_MODE=off` on the web processes). */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.kind !== "postgres") {
    console.error(
      "A separate worker needs DATABASE_URL: the embedded database serves one process, which runs jobs itself.",
    );
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config.database, {
    dir: config.backup.dir,
    databaseUrl: config.backup.databaseUrl,
    migrateWithoutBackup: config.backup.migrateWithoutBackup,
    onBackup: (file) => logger.info({ file }, "backed up the database before migrating it"),
  });
  const jobs = await startJobs(database, {
    work: true,
    handlers: jobHandlers(
      database.db,
      createMailer(config.smtpUrl, config.mailFrom),
      config.publicUrl,
      undefined,
      {
        nightlyBackup: nightlyBackup(database, config.backup, logger),
        maintainDatabase: maintainDatabase(database, logger),
        secretsKey: config.secretsKey,
      },
    ),
    schedules: jobSchedules,
    logger,
  });
  logger.info("worker started");
  const stop = async () => {
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
