import { and, eq, lt, sql } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import type { DraftRequestBody, DraftingJobView } from "../../../common/schemas/ai.ts";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { recordAudit } from "../../audit.ts";
import { SecretUnreadable, type SecretSealer } from "../../crypto/secrets.ts";
import type { Db } from "../../db/client.ts";
import { aiDraftingJobs, aiQuestionDrafts, organisations, trajectories } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { AppError, invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { translator } from "../../i18n.ts";
import { authorize } from "./ai.policy.ts";
import { readDrafts } from "./drafts.ts";
import { QUESTION_DRAFTS_PROMPT, questionDraftMessages } from "./prompts.ts";
import { complete } from "./provider.ts";
import { apiKeyContext, findAiSettings } from "./settings.service.ts";
import { readSource } from "./sources.ts";
import { logRequest } from "./usage.service.ts";

type JobRow = typeof aiDraftingJobs.$inferSelect;

/** A job that has been running this long was cut off (a restart): it is closed as interrupted. */
const STALE_RUNNING_MS = 10 * 60_000;

export const presentJob = (row: JobRow): DraftingJobView => ({
  id: row.id,
  status: row.status,
  competenceId: row.competenceId,
  kind: row.kind,
  count: row.count,
  kept: row.kept,
  dropped: row.dropped,
  errorCode: row.errorCode,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

async function loadDocument(tenant: Tenant, trajectoryId: string): Promise<TrajectoryDocument | undefined> {
  const [row] = await tenant.select(
    trajectories,
    { document: trajectories.document },
    eq(trajectories.id, trajectoryId),
  );
  return row?.document;
}

/** The trajectory's language: the organisation's, as trajectories carry none of their own. */
async function trajectoryLocale(tenant: Tenant): Promise<Locale> {
  const [row] = await tenant.db
    .select({ locale: organisations.defaultLocale })
    .from(organisations)
    .where(eq(organisations.id, tenant.organisationId));
  return row?.locale === "en" ? "en" : "nl";
}

/**
 * Queues a "draft with AI" request: checks that AI is on, the competence exists and the source can be
 * read, then stores the job. The `ai.draft-questions` job sends it; nothing reaches a learner from here.
 */
export async function requestDrafts(
  { tenant, actor, locale }: Scope,
  { trajectoryId, request }: { trajectoryId: string; request: DraftRequestBody },
): Promise<DraftingJobView> {
  authorize(actor, "ai.draft");
  const document = await loadDocument(tenant, trajectoryId);
  if (!document) throw notFound("trajectory");
  if (!(await findAiSettings(tenant))?.enabled) throw new AppError("AI_DISABLED");
  if (!document.competences.some((c) => c.id === request.competenceId))
    throw invalid("competenceId", "unknown_competence");
  const source = await readSource(request.source, translator(locale)("ui.ai.pastedText"));
  return tenant.transaction(async (tx) => {
    const [row] = await tx.db
      .insert(aiDraftingJobs)
      .values(
        tx.row({
          trajectoryId,
          competenceId: request.competenceId,
          kind: request.kind,
          count: request.count,
          locale: await trajectoryLocale(tx),
          sourceLabel: source.label,
          sourceText: source.text,
          requestedBy: actor.personId,
        }),
      )
      .returning();
    await recordAudit(
      tx,
      actor,
      "ai.drafts-requested",
      { type: "trajectory", id: trajectoryId },
      {
        kind: request.kind,
        count: request.count,
        source: source.label,
      },
    );
    return presentJob(row!);
  });
}

/** One drafting job as the screen polls it for progress. */
export async function getDraftingJob(
  { tenant, actor }: Scope,
  { trajectoryId, jobId }: { trajectoryId: string; jobId: string },
): Promise<DraftingJobView> {
  authorize(actor, "ai.draft");
  const [row] = await tenant.selectRows(
    aiDraftingJobs,
    eq(aiDraftingJobs.id, jobId),
    eq(aiDraftingJobs.trajectoryId, trajectoryId),
  );
  if (!row) throw notFound("drafting job");
  return presentJob(row);
}

/** What the job runner is given: the sealer of keys, the clock and how long a provider may take. */
export interface DraftingDeps {
  sealer: () => Promise<SecretSealer>;
  clock: () => Date;
  timeoutMs: number;
}

async function finish(
  tenant: Tenant,
  job: JobRow,
  now: Date,
  outcome: { errorCode: string } | { kept: number; dropped: number },
) {
  await tenant.db
    .update(aiDraftingJobs)
    // The company's material is not kept once the job has run.
    .set({
      ...("errorCode" in outcome ? { status: "failed", ...outcome } : { status: "done", ...outcome }),
      sourceText: null,
      finishedAt: now,
    })
    .where(tenant.where(aiDraftingJobs, eq(aiDraftingJobs.id, job.id)));
}

function openKey(
  sealer: SecretSealer,
  sealed: string | null,
  organisationId: string,
): string | null | SecretUnreadable {
  if (!sealed) return null;
  try {
    return sealer.open(sealed, apiKeyContext(organisationId));
  } catch (error) {
    if (error instanceof SecretUnreadable) return error;
    throw error;
  }
}

/** Runs one claimed job: asks the provider, logs the request, keeps the drafts that pass, or fails clearly. */
async function runJob(tenant: Tenant, job: JobRow, deps: DraftingDeps): Promise<void> {
  const settings = await findAiSettings(tenant);
  const document = await loadDocument(tenant, job.trajectoryId);
  const competence = document?.competences.find((c) => c.id === job.competenceId);
  if (!settings?.enabled) return finish(tenant, job, deps.clock(), { errorCode: "ai_disabled" });
  if (!document || !competence) return finish(tenant, job, deps.clock(), { errorCode: "ai_competence_gone" });
  const apiKey = openKey(await deps.sealer(), settings.apiKeySealed, tenant.organisationId);
  if (apiKey instanceof SecretUnreadable)
    return finish(tenant, job, deps.clock(), { errorCode: "ai_key_unreadable" });
  const started = Date.now();
  const answer = await complete({
    baseUrl: settings.baseUrl,
    model: settings.model,
    apiKey,
    timeoutMs: deps.timeoutMs,
    messages: questionDraftMessages({
      locale: job.locale,
      trajectoryTitle: document.title,
      targetBehaviour: document.targetBehaviour,
      competence: competence.name,
      competenceDescription: "",
      kind: job.kind,
      count: job.count,
      sourceLabel: job.sourceLabel,
      source: job.sourceText,
    }),
  });
  const read = answer.ok ? readDrafts(answer.content, { ...job, locale: job.locale }) : null;
  const errorCode = !answer.ok
    ? answer.code
    : read!.unreadable
      ? "ai_malformed"
      : read!.kept.length === 0
        ? read!.dropped.includes("wrong_language")
          ? "ai_wrong_language"
          : "ai_no_usable_drafts"
        : null;
  const now = deps.clock();
  await tenant.transaction(async (tx) => {
    await logRequest(
      tx,
      {
        jobId: job.id,
        personId: job.requestedBy,
        baseUrl: settings.baseUrl,
        model: settings.model,
        promptVersion: QUESTION_DRAFTS_PROMPT,
        usage: answer.usage,
        outcome: errorCode ?? "ok",
        durationMs: Date.now() - started,
      },
      now,
    );
    if (errorCode || !read) return finish(tx, job, now, { errorCode: errorCode ?? "ai_malformed" });
    await tx.db.insert(aiQuestionDrafts).values(
      tx.rows(
        read.kept.map((draft, index) => ({
          jobId: job.id,
          trajectoryId: job.trajectoryId,
          question: draft.question,
          model: settings.model,
          promptVersion: QUESTION_DRAFTS_PROMPT,
          sourceLabel: job.sourceLabel,
          repaired: draft.repaired,
          // One millisecond apart, so the queue keeps the model's order.
          createdAt: new Date(now.getTime() + index),
        })),
      ),
    );
    await finish(tx, job, now, { kept: read.kept.length, dropped: read.dropped.length });
  });
}

/** Claims the oldest queued job of any organisation; a second worker skips the row it holds. */
async function claimNext(db: Db, now: Date): Promise<JobRow | undefined> {
  // Across organisations on purpose: the worker serves every organisation, then works in one Tenant.
  const [row] = await db
    .update(aiDraftingJobs)
    .set({ status: "running", startedAt: now })
    .where(
      sql`(${aiDraftingJobs.organisationId}, ${aiDraftingJobs.id}) = (
        select organisation_id, id from ai_drafting_jobs where status = 'queued'
        order by created_at limit 1 for update skip locked)`,
    )
    .returning();
  return row;
}

/**
 * The `ai.draft-questions` job: runs every queued drafting job, one at a time, and closes any a restart
 * cut off. Returns how many jobs ran.
 */
export async function runDraftingJobs(db: Db, deps: DraftingDeps): Promise<number> {
  await db
    .update(aiDraftingJobs)
    .set({ status: "failed", errorCode: "ai_interrupted", sourceText: null, finishedAt: deps.clock() })
    .where(
      and(
        eq(aiDraftingJobs.status, "running"),
        lt(aiDraftingJobs.startedAt, new Date(deps.clock().getTime() - STALE_RUNNING_MS)),
      ),
    );
  let ran = 0;
  for (let job = await claimNext(db, deps.clock()); job; job = await claimNext(db, deps.clock())) {
    await runJob(new Tenant(db, job.organisationId), job, deps);
    ran += 1;
  }
  return ran;
}

/** The latest jobs of a trajectory, newest first, for the screen's progress and failures. */
export async function latestJobs(tenant: Tenant, trajectoryId: string): Promise<DraftingJobView[]> {
  const rows = await tenant
    .selectRows(aiDraftingJobs, eq(aiDraftingJobs.trajectoryId, trajectoryId))
    .orderBy(sql`${aiDraftingJobs.createdAt} desc`)
    .limit(5);
  return rows.map(presentJob);
}
