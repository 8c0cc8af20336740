import type { QuestionView } from "../../../common/schemas/questions.ts";
import type { questions } from "../../db/schema/index.ts";

export type QuestionRow = typeof questions.$inferSelect;

/** A question as the designer sees it: no tenant id, no author, no deletion stamp. */
export function presentQuestion(row: QuestionRow): QuestionView {
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
  };
}
