import { allItems, requiredItems } from "../../../common/culture-scan/questionnaire.ts";
import type { ScanAnswers } from "../../db/schema/culture-scan.ts";
import { AppError } from "../../errors.ts";
import type { PhaseOfChange } from "../../../common/culture-scan/model.ts";
import { derivePhase } from "./staging.ts";

/** Keeps only known items with valid values; unknown keys and bad values are refused, not ignored. */
export function validateAnswers(answers: ScanAnswers, complete: boolean): ScanAnswers {
  const clean: ScanAnswers = {};
  for (const [id, value] of Object.entries(answers)) {
    const item = allItems.find((i) => i.id === id);
    const valid =
      item &&
      ((item.kind === "scale" && typeof value === "number" && value >= 1 && value <= 5) ||
        (item.kind === "choice" && item.options.some((o) => o.value === value)) ||
        (item.kind === "open" && typeof value === "string" && value.length <= 1000));
    if (!valid)
      throw new AppError("VALIDATION_FAILED", `bad answer ${id}`, {}, [
        { field: "answers", code: "invalid_answer" },
      ]);
    clean[id] = value;
  }
  if (complete) {
    const missing = requiredItems.filter((item) => clean[item.id] === undefined);
    if (missing.length > 0)
      throw new AppError("VALIDATION_FAILED", "incomplete", { count: missing.length }, [
        { field: "answers", code: "incomplete_answers" },
      ]);
  }
  return clean;
}

export function phaseFromAnswers(answers: ScanAnswers): PhaseOfChange {
  const months = answers.monthsSinceStart;
  return derivePhase({
    learningNow: answers.learningNow === "yes",
    intention: (answers.intention as "none" | "within-6-months" | "within-30-days" | undefined) ?? "none",
    monthsSinceStart: months === undefined || months === "never" ? null : Number(months),
    applyingAtWork: answers.applyingAtWork === "yes",
    choosesNewLearning: answers.choosesNewLearning === "yes",
  });
}
