import { and, desc, eq, inArray } from "drizzle-orm";
import type { AcceptDraftBody, QuestionDraftList, QuestionDraftView } from "../../../common/schemas/ai.ts";
import { recordAudit } from "../../audit.ts";
import { aiQuestionDrafts, persons, trajectories } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { addAcceptedDraft } from "../questions/index.ts";
import { authorize } from "./ai.policy.ts";
import { latestJobs } from "./drafting.service.ts";
import { findAiSettings } from "./settings.service.ts";

type DraftRow = typeof aiQuestionDrafts.$inferSelect;

interface DraftRef {
  trajectoryId: string;
  draftId: string;
}

function presentDraft(row: DraftRow, reviewer: string | null): QuestionDraftView {
  return {
    id: row.id,
    origin: "ai",
    model: row.model,
    promptVersion: row.promptVersion,
    source: row.sourceLabel,
    createdAt: row.createdAt.toISOString(),
    status: row.status,
    repaired: row.repaired,
    question: row.question,
    reviewedBy: reviewer,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    questionId: row.questionId,
  };
}

async function assertTrajectory(tenant: Tenant, trajectoryId: string): Promise<void> {
  const [row] = await tenant.select(trajectories, { id: trajectories.id }, eq(trajectories.id, trajectoryId));
  if (!row) throw notFound("trajectory");
}

/**
 * The review queue of a trajectory: drafts waiting first, then the last reviewed ones, and the latest
 * drafting jobs with their progress. Drafts are never questions: practice does not see them.
 */
export async function listDrafts(
  { tenant, actor }: Scope,
  { trajectoryId }: { trajectoryId: string },
): Promise<QuestionDraftList> {
  authorize(actor, "ai.draft");
  await assertTrajectory(tenant, trajectoryId);
  const rows = await tenant.db
    .select({ draft: aiQuestionDrafts, reviewer: persons.name })
    .from(aiQuestionDrafts)
    .leftJoin(persons, tenant.refersTo(aiQuestionDrafts.reviewedBy, persons))
    .where(tenant.where(aiQuestionDrafts, eq(aiQuestionDrafts.trajectoryId, trajectoryId)))
    .orderBy(desc(aiQuestionDrafts.createdAt))
    .limit(200);
  const drafts = rows.map(({ draft, reviewer }) => presentDraft(draft, reviewer));
  const pending = drafts.filter((d) => d.status === "pending").reverse();
  return {
    aiEnabled: (await findAiSettings(tenant))?.enabled ?? false,
    drafts: [...pending, ...drafts.filter((d) => d.status !== "pending").slice(0, 20)],
    jobs: await latestJobs(tenant, trajectoryId),
  };
}

/**
 * Marks a pending draft reviewed, once: a second or concurrent accept or reject finds it reviewed
 * already (the update only matches a pending row) and changes nothing.
 */
async function claimPending(tenant: Tenant, ref: DraftRef, change: Partial<DraftRow>): Promise<DraftRow> {
  const [row] = await tenant.db
    .update(aiQuestionDrafts)
    .set(change)
    .where(
      tenant.where(
        aiQuestionDrafts,
        and(
          eq(aiQuestionDrafts.id, ref.draftId),
          eq(aiQuestionDrafts.trajectoryId, ref.trajectoryId),
          eq(aiQuestionDrafts.status, "pending"),
        ),
      ),
    )
    .returning();
  if (row) return row;
  const [exists] = await tenant.select(
    aiQuestionDrafts,
    { id: aiQuestionDrafts.id },
    eq(aiQuestionDrafts.id, ref.draftId),
    eq(aiQuestionDrafts.trajectoryId, ref.trajectoryId),
  );
  throw exists ? new AppError("AI_DRAFT_REVIEWED") : notFound("draft");
}

/** Accepts a draft, as is or edited: it becomes a question with its origin, reviewer and review time. */
export async function acceptDraft(
  { tenant, actor, now }: Scope,
  { body, ...ref }: DraftRef & { body: AcceptDraftBody },
): Promise<QuestionDraftView> {
  authorize(actor, "ai.draft");
  return tenant.transaction(async (tx) => {
    const draft = await claimPending(tx, ref, {
      status: "accepted",
      reviewedBy: actor.personId,
      reviewedAt: now,
    });
    const question = body.question ?? draft.question;
    const added = await addAcceptedDraft(tx, {
      trajectoryId: ref.trajectoryId,
      question,
      model: draft.model,
      draftedAt: draft.createdAt,
      source: draft.sourceLabel,
      reviewedBy: actor.personId,
      reviewedAt: now,
    });
    const [row] = await tx.db
      .update(aiQuestionDrafts)
      .set({ questionId: added.id, question })
      .where(tx.where(aiQuestionDrafts, eq(aiQuestionDrafts.id, draft.id)))
      .returning();
    await recordAudit(
      tx,
      actor,
      "ai.draft-accepted",
      { type: "question", id: added.id },
      {
        draftId: draft.id,
        edited: body.question !== undefined,
        model: draft.model,
      },
    );
    return presentDraft(row!, actor.name);
  });
}

/** Rejects a draft: it stays in the record as rejected and never reaches a learner. */
export async function rejectDraft({ tenant, actor, now }: Scope, ref: DraftRef): Promise<QuestionDraftView> {
  authorize(actor, "ai.draft");
  return tenant.transaction(async (tx) => {
    const draft = await claimPending(tx, ref, {
      status: "rejected",
      reviewedBy: actor.personId,
      reviewedAt: now,
    });
    await recordAudit(
      tx,
      actor,
      "ai.draft-rejected",
      { type: "ai-draft", id: draft.id },
      { model: draft.model },
    );
    return presentDraft(draft, actor.name);
  });
}

/** Per trajectory: how many drafts wait for review (for the design check's facts). */
export async function pendingDraftCounts(
  tenant: Tenant,
  trajectoryIds: string[],
): Promise<Map<string, number>> {
  if (trajectoryIds.length === 0) return new Map();
  const rows = await tenant.select(
    aiQuestionDrafts,
    { trajectoryId: aiQuestionDrafts.trajectoryId },
    inArray(aiQuestionDrafts.trajectoryId, trajectoryIds),
    eq(aiQuestionDrafts.status, "pending"),
  );
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.trajectoryId, (counts.get(row.trajectoryId) ?? 0) + 1);
  return counts;
}
