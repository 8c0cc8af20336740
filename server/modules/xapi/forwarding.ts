import { and, asc, eq, gt, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { xapiForwarding, xapiStatements } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { type SecretSealer, SecretUnreadable } from "../../crypto/secrets.ts";
import { type ForwardTarget, type SendOutcome, postStatements } from "./forwarding-http.ts";
import { attachmentsByHash } from "./statements-store.ts";

/**
 * Forwarding stored statements to the organisation's external LRS (decision 0035). The statements
 * table is the outbox: the settings row holds a cursor (the last forwarded `seq`), and a job posts what
 * lies beyond it, in `seq` order, in batches. Nothing here runs on the write path, so forwarding never
 * slows or fails a statement's storing; a person's erased statements are gone from the table and so
 * are never sent (again).
 */

export const BATCH_SIZE = 50;
/** One run's share per organisation, so one busy organisation does not hold up the others. */
const MAX_BATCHES_PER_RUN = 40;
/** Backoff after a failure worth retrying: 30 s, 1 min, 2 min, … at most an hour. */
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/**
 * Statements stored less than this long ago wait: `seq` is given at insert, and on PostgreSQL a
 * transaction still open can commit a lower `seq` after a higher one was committed (and forwarded).
 */
export const SETTLE_MS = 5_000;

export interface ForwardOptions {
  sealer: () => Promise<SecretSealer>;
  now: Date;
  settleMs?: number;
}

export const credentialsContext = (organisationId: string) => `xapi-forwarding:${organisationId}`;

export const backoffAfter = (failures: number) =>
  Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);

/** Runs forwarding for every organisation that has it on, is not waiting on a refusal and is due. */
export async function forwardStatements(db: Db, options: ForwardOptions): Promise<number> {
  const f = xapiForwarding;
  const due = await db
    .select({ organisationId: f.organisationId })
    .from(f)
    // Across organisations on purpose: the job serves them all, each then through its own Tenant.
    .where(
      and(
        eq(f.enabled, true),
        isNull(f.refusal),
        or(isNull(f.nextAttemptAt), lte(f.nextAttemptAt, options.now)),
      ),
    );
  let forwarded = 0;
  for (const { organisationId } of due)
    forwarded += await forwardOrganisation(new Tenant(db, organisationId), options);
  return forwarded;
}

type Settings = typeof xapiForwarding.$inferSelect;

function openTarget(settings: Settings, sealer: SecretSealer): ForwardTarget {
  const opened = JSON.parse(
    sealer.open(settings.credentialsSealed, credentialsContext(settings.organisationId)),
  ) as { key: string; secret: string };
  return { endpoint: settings.endpoint, key: opened.key, secret: opened.secret };
}

/** The next batch beyond the cursor that has settled, in the order the LRS stored it. */
async function nextBatch(tenant: Tenant, cursor: number, settledBefore: Date) {
  const s = xapiStatements;
  return tenant
    .select(s, { seq: s.seq, statement: s.statement }, gt(s.seq, cursor), lte(s.stored, settledBefore))
    .orderBy(asc(s.seq))
    .limit(BATCH_SIZE);
}

/** Forwards one organisation's waiting statements until none wait or the external LRS fails. */
export async function forwardOrganisation(tenant: Tenant, options: ForwardOptions): Promise<number> {
  const [settings] = await tenant.selectRows(xapiForwarding);
  if (!settings?.enabled || settings.refusal) return 0;
  let target: ForwardTarget;
  try {
    target = openTarget(settings, await options.sealer());
  } catch (error) {
    if (!(error instanceof SecretUnreadable)) throw error;
    await recordOutcome(tenant, settings.cursorSeq, options.now, { count: 0, outcome: unreadable });
    return 0;
  }
  const settledBefore = new Date(options.now.getTime() - (options.settleMs ?? SETTLE_MS));
  let cursor = settings.cursorSeq;
  let forwarded = 0;
  for (let run = 0; run < MAX_BATCHES_PER_RUN; run++) {
    const batch = await nextBatch(tenant, cursor, settledBefore);
    if (batch.length === 0) break;
    const statements = batch.map((row) => row.statement);
    const outcome = await postStatements(target, statements, await inlineAttachments(tenant, statements));
    const last = batch.at(-1)!.seq;
    const moved = await recordOutcome(tenant, cursor, options.now, {
      count: batch.length,
      outcome,
      failures: settings.failures,
      last,
    });
    if (outcome.kind !== "delivered" || !moved) break;
    cursor = last;
    forwarded += batch.length;
    settings.failures = 0;
  }
  return forwarded;
}

/** The bytes of the batch's attachments that have no fileUrl: the other LRS must get them as parts. */
async function inlineAttachments(tenant: Tenant, statements: Record<string, unknown>[]) {
  const hashes = statements.flatMap((statement) =>
    Array.isArray(statement.attachments)
      ? (statement.attachments as Record<string, unknown>[]).flatMap((a) =>
          a.fileUrl === undefined && typeof a.sha2 === "string" ? [a.sha2] : [],
        )
      : [],
  );
  return attachmentsByHash(tenant, [...new Set(hashes)]);
}

const unreadable: SendOutcome = {
  kind: "refused",
  code: "secret-unreadable",
  status: 0,
  detail: null,
};

interface Recorded {
  count: number;
  outcome: SendOutcome;
  failures?: number;
  last?: number;
}

/**
 * Stores what a batch's post came to. The cursor moves only from where this run read it, so a second
 * run at the same time (a crash and a restart) cannot move it past statements it did not send.
 */
async function recordOutcome(tenant: Tenant, from: number, now: Date, r: Recorded): Promise<boolean> {
  const f = xapiForwarding;
  const at = now.toISOString();
  const { outcome } = r;
  const values =
    outcome.kind === "delivered"
      ? { cursorSeq: r.last!, lastForwardedAt: now, failures: 0, nextAttemptAt: null, lastError: null }
      : outcome.kind === "retry"
        ? {
            failures: (r.failures ?? 0) + 1,
            nextAttemptAt: new Date(now.getTime() + backoffAfter((r.failures ?? 0) + 1)),
            lastError: { code: outcome.code, status: outcome.status, detail: outcome.detail, at },
          }
        : {
            lastError: { code: outcome.code, status: outcome.status || null, detail: outcome.detail, at },
            refusal: {
              code: outcome.code,
              status: outcome.status || null,
              detail: outcome.detail,
              at,
              count: r.count,
            },
          };
  const updated = await tenant.db
    .update(f)
    .set({ ...values, updatedAt: now })
    .where(tenant.where(f, eq(f.cursorSeq, from)))
    .returning({ id: f.id });
  return updated.length > 0;
}
