import type { QuestionView } from "../../../common/schemas/questions.ts";
import type { questions } from "../../db/schema/index.ts";

export type QuestionRow = typeof questions.$inferSelect;

/** An AI-drafted question's trail (decision 0028); null for a question a person wrote. */
function presentAiOrigin(row: QuestionRow, reviewerName: string | null): QuestionView["ai"] {
  if (row.origin !== "ai" || !row.aiModel || !row.aiDraftedAt) return null;
  return {
    model: row.aiModel,
    draftedAt: row.aiDraftedAt.toISOString(),
    source: row.aiSource,
    reviewedBy: reviewerName,
    reviewedAt: (row.reviewedAt ?? row.createdAt).toISOString(),
  };
}

/** A question as the designer sees it: no tenant id, no author, no deletion stamp. */
export function presentQuestion(row: QuestionRow, reviewerName: string | null = null): QuestionView {
  return {
    id: row.id,
    competenceId: row.competenceId,
    kind: row.kind,
    level: row.level,
    uses: row.uses,
    situation: row.situation,
    prompt: row.prompt,
    options: row.options,
    modelAnswer: row.modelAnswer,
    updatedAt: row.updatedAt.toISOString(),
    origin: row.origin,
    ai: presentAiOrigin(row, reviewerName),
  };
}
