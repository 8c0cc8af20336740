import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { aiQuestionDrafts, questions, trajectories } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import type { DesignFacts } from "./design-rule.ts";

/**
 * The question-bank facts of saved trajectories (decision 0028): questions in the bank and AI drafts
 * waiting for review. Read from the tables directly, so the trajectories and AI modules can both use
 * the check without depending on each other.
 */
export async function bankFacts(tenant: Tenant, trajectoryIds: string[]): Promise<Map<string, DesignFacts>> {
  const facts = new Map<string, DesignFacts>(
    trajectoryIds.map((id) => [id, { questionBank: { questions: 0, pendingDrafts: 0 } }]),
  );
  if (trajectoryIds.length === 0) return facts;
  const bank = await tenant
    .select(
      questions,
      { trajectoryId: questions.trajectoryId, n: count() },
      inArray(questions.trajectoryId, trajectoryIds),
      isNull(questions.deletedAt),
    )
    .groupBy(questions.trajectoryId);
  const pending = await tenant
    .select(
      aiQuestionDrafts,
      { trajectoryId: aiQuestionDrafts.trajectoryId, n: count() },
      and(inArray(aiQuestionDrafts.trajectoryId, trajectoryIds), eq(aiQuestionDrafts.status, "pending")),
    )
    .groupBy(aiQuestionDrafts.trajectoryId);
  for (const row of bank) facts.get(row.trajectoryId)!.questionBank!.questions = row.n;
  for (const row of pending) facts.get(row.trajectoryId)!.questionBank!.pendingDrafts = row.n;
  return facts;
}

/** Whether the trajectory is this organisation's (a check of another's answers 404). */
export async function isOwnTrajectory(tenant: Tenant, trajectoryId: string): Promise<boolean> {
  const [row] = await tenant.select(trajectories, { id: trajectories.id }, eq(trajectories.id, trajectoryId));
  return row !== undefined;
}
