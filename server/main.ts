import { openDatabase } from "./db/client.ts";
import { DataFolderLockedError } from "./db/data-folder-lock.ts";
import { seedDemo } from "./db/seed/demo.ts";
import { ConfigError, loadConfig } from "./env.ts";
import { buildApp } from "./http/app.ts";
import { jobHandlers, jobSchedules } from "./jobs/handlers.ts";
import { startJobs } from "./jobs/queue.ts";
import { createLogger } from "./logger.ts";
import { createMailer } from "./modules/notifications/mailer.ts";
import { serveControlSocket } from "./ops/control-socket.ts";
import { DatabaseNewerError } from "./ops/migrations.ts";
import { maintainDatabase } from "./ops/maintenance.ts";
import { nightlyBackup } from "./ops/nightly.ts";
import { BackupRequiredError, type UpgradeBackup } from "./ops/upgrade.ts";

/** Composition root: env → db → http → jobs. Nothing else wires things together. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const upgrade: UpgradeBackup = {
    dir: config.backup.dir,
    databaseUrl: config.backup.databaseUrl,
    migrateWithoutBackup: config.backup.migrateWithoutBackup,
    onBackup: (file) => logger.info({ file }, "backed up the database before migrating it"),
  };
  const database = await openDatabase(
    config.database.kind === "pglite"
      ? { kind: "pglite", dataDir: config.database.dataDir }
      : config.database,
    upgrade,
  );
  // `npm run backup` asks this process for the embedded database's backup (decision 0029).
  const closeControl =
    database.pglite && config.database.kind === "pglite"
      ? await serveControlSocket(config.database.dataDir, database.pglite, logger)
      : async () => {};
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  if (config.seedDemo && (await seedDemo(database.db))) {
    logger.info("created the demo organisation (see README for the demo sign-ins)");
  }
  const jobs = await startJobs(database, {
    // PGlite serves one process, so that process must run the jobs too.
    work: config.jobsMode === "inline" || database.kind === "pglite",
    handlers: jobHandlers(database.db, mailer, config.publicUrl, undefined, {
      nightlyBackup: nightlyBackup(database, config.backup, logger),
      maintainDatabase: maintainDatabase(database, logger),
      secretsKey: config.secretsKey,
    }),
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
    await closeControl();
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
  const explained = [ConfigError, DataFolderLockedError, DatabaseNewerError, BackupRequiredError];
  if (explained.some((kind) => error instanceof kind)) {
    console.error((error as Error).message);
  } else {
    console.error("Beklijf could not start:", error);
  }
  process.exit(1);
});
