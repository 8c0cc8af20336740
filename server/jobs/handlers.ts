import type { Db } from "../db/client.ts";
import type { Mailer } from "../modules/notifications/mailer.ts";
import { deliverOutbox } from "../modules/notifications/outbox.service.ts";
import { sendDigests } from "../modules/digest/digest.service.ts";
import { sendRequestedResetLinks } from "../modules/auth/auth.service.ts";
import { sendRequestedSignInLinks } from "../modules/auth/email-link.service.ts";
import { sendNudges } from "../modules/reminders/nudges.service.ts";
import { sweepAbandonedSessions } from "../modules/packages/index.ts";
import { runDraftingJobs } from "../modules/ai/index.ts";
import { forwardStatements } from "../modules/xapi/index.ts";
import { secretSealer } from "../crypto/secrets.ts";
import type { JobHandler, JobName } from "./queue.ts";
import { forgetOldDataChanges } from "../db/data-changes.ts";

/** How long an AI provider may take to answer one drafting request (decision 0028). */
const AI_TIMEOUT_MS = 90_000;

/** The map from job name to module function. Business logic lives in the modules, not here. */
export function jobHandlers(
  db: Db,
  mailer: Mailer | null,
  site: string,
  clock: () => Date = () => new Date(),
  {
    nightlyBackup = async () => {},
    maintainDatabase = async () => {},
    secretsKey = null,
  }: {
    /** The nightly backup (server/ops); processes that do not back up leave it out. */
    nightlyBackup?: JobHandler;
    /** The nightly VACUUM (ANALYZE) of an embedded database (server/ops); a server has autovacuum. */
    maintainDatabase?: JobHandler;
    /** Opens the AI provider's sealed key (decision 0028); without it, drafting jobs fail as "no key". */
    secretsKey?: Buffer | null;
  } = {},
): Record<JobName, JobHandler> {
  // Delivery stamps `sent_at` from the same injected clock as the sweeps that fill the outbox.
  const deliver = () => deliverOutbox(db, mailer, { clock });
  return {
    "notifications.deliver-outbox": async () => {
      await deliver();
    },
    "reminders.send-nudges": async () => {
      if ((await sendNudges(db, site, clock())) > 0) await deliver();
    },
    "reminders.send-digests": async () => {
      if ((await sendDigests(db, site, clock())) > 0) await deliver();
    },
    "auth.send-reset-links": async () => {
      if ((await sendRequestedResetLinks(db, site, clock())) > 0) await deliver();
    },
    "auth.send-sign-in-links": async () => {
      if ((await sendRequestedSignInLinks(db, site, clock())) > 0) await deliver();
    },
    "packages.abandon-cmi5-sessions": async () => {
      await sweepAbandonedSessions(db, site, clock());
    },
    "ops.nightly-backup": nightlyBackup,
    "ops.maintain-database": maintainDatabase,
    "ops.forget-data-changes": () => forgetOldDataChanges(db),
    "ai.draft-questions": async () => {
      await runDraftingJobs(db, {
        sealer: () => secretSealer(db, secretsKey),
        clock,
        timeoutMs: AI_TIMEOUT_MS,
      });
    },
    "xapi.forward-statements": async () => {
      await forwardStatements(db, { sealer: () => secretSealer(db, secretsKey), now: clock() });
    },
  };
}

/** The sweeps that catch work a crash or a missed `send` left behind. */
export const jobSchedules: Partial<Record<JobName, string>> = {
  "notifications.deliver-outbox": "* * * * *",
  // Every quarter of an hour: each learner is nudged once on their day, from 07:00 their time.
  "reminders.send-nudges": "*/15 * * * *",
  // Managers' weekly digest: Monday from 08:00 their time, once a week each.
  "reminders.send-digests": "*/30 * * * *",
  // "Forgot password" requests are queued by the request; this sweep catches any a missed send left.
  "auth.send-reset-links": "* * * * *",
  // Email sign-in requests likewise (decision 0024).
  "auth.send-sign-in-links": "* * * * *",
  // cmi5 sessions that never terminated end as abandoned once their credentials have expired.
  "packages.abandon-cmi5-sessions": "7 * * * *",
  // Every night at 02:30 UTC, into BACKUP_DIR, keeping the last BACKUP_KEEP (decision 0029).
  "ops.nightly-backup": "30 2 * * *",
  // After the backup: PGlite has no autovacuum, so the one process keeps its tables and statistics.
  "ops.maintain-database": "15 3 * * *",
  // Which transactions changed what, kept for the Today cache's checks (decision 0038): minutes are enough.
  "ops.forget-data-changes": "*/5 * * * *",
  // AI drafting requests are queued by the request; this sweep catches any a missed send left.
  "ai.draft-questions": "* * * * *",
  // Statements to the organisation's external LRS (decision 0035); backoff is kept per organisation.
  "xapi.forward-statements": "* * * * *",
};
