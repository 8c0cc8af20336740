import { randomUUID } from "node:crypto";
import type { Locale } from "../../../common/locales.ts";
import { questionInput, type QuestionInput, type QuestionKind } from "../../../common/schemas/questions.ts";
import { guessLanguage } from "./language.ts";

/**
 * Reading a model's answer into question drafts (decision 0028). Pure: the answer is untrusted text, so
 * each draft is repaired where that is safe (spacing, a `correct` written as a string, a code fence
 * around the JSON) and dropped where it is not (no single best option, an option without feedback,
 * duplicate or catch-all distractors, the wrong language, anything the question schema refuses).
 */

export type DropReason =
  "invalid" | "not_one_best_option" | "feedback_missing" | "weak_distractors" | "wrong_language";

export interface ReadDrafts {
  /** The answer was not JSON with a list of questions at all. */
  unreadable: boolean;
  kept: { question: QuestionInput; repaired: boolean }[];
  dropped: DropReason[];
}

export interface DraftTarget {
  competenceId: string;
  kind: QuestionKind;
  count: number;
  locale: Locale;
}

/** Catch-all options that are never a plausible mistake. */
const catchAll = /^(all|none) of the (above|options)|^(alle|geen) (van de )?(bovenstaande|antwoorden)/i;

function parseJson(content: string): unknown {
  // Models often wrap JSON in a Markdown code fence despite being asked not to.
  const unfenced = content
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
  try {
    return JSON.parse(unfenced);
  } catch {
    return undefined;
  }
}

function listOf(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  const questions = (data as { questions?: unknown } | null)?.questions;
  return Array.isArray(questions) ? questions : null;
}

const asText = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() ? value.trim().replace(/\s+/g, " ") : undefined;

const asBoolean = (value: unknown): { value: boolean; repaired: boolean } =>
  typeof value === "boolean"
    ? { value, repaired: false }
    : { value: value === "true" || value === 1, repaired: true };

interface Candidate {
  input: Record<string, unknown>;
  repaired: boolean;
}

function candidateOf(raw: unknown, target: DraftTarget): Candidate {
  const item = (raw ?? {}) as Record<string, unknown>;
  let repaired = false;
  const options =
    target.kind === "open" || !Array.isArray(item.options)
      ? []
      : item.options.map((option) => {
          const o = (option ?? {}) as Record<string, unknown>;
          const correct = asBoolean(o.correct);
          repaired ||= correct.repaired;
          return {
            id: randomUUID().slice(0, 8),
            text: asText(o.text) ?? "",
            correct: correct.value,
            feedback: asText(o.feedback) ?? "",
          };
        });
  return {
    repaired,
    input: {
      competenceId: target.competenceId,
      kind: target.kind,
      level: target.kind === "scenario" ? "decision" : "application",
      uses: ["practice"],
      situation: asText(item.situation),
      prompt: asText(item.prompt) ?? asText(item.question) ?? "",
      options,
      modelAnswer: target.kind === "open" ? asText(item.modelAnswer) : undefined,
    },
  };
}

/** The checks the question schema cannot make: what makes a good practice question. */
function qualityProblem(question: QuestionInput, locale: Locale): DropReason | null {
  if (question.kind !== "open") {
    if (question.options.filter((o) => o.correct).length !== 1) return "not_one_best_option";
    if (question.options.some((o) => !o.feedback)) return "feedback_missing";
    const texts = new Set(question.options.map((o) => o.text.toLowerCase()));
    if (question.options.length < 3 || texts.size < question.options.length) return "weak_distractors";
    if (question.options.some((o) => catchAll.test(o.text))) return "weak_distractors";
  }
  const words = [
    question.situation,
    question.prompt,
    question.modelAnswer,
    ...question.options.map((o) => o.text),
  ];
  const language = guessLanguage(words.filter(Boolean).join(" "));
  if (language !== null && language !== locale) return "wrong_language";
  return null;
}

/** Reads the model's answer: the drafts worth a designer's time, at most `count`, and what was dropped. */
export function readDrafts(content: string, target: DraftTarget): ReadDrafts {
  const list = listOf(parseJson(content));
  if (!list) return { unreadable: true, kept: [], dropped: [] };
  const kept: ReadDrafts["kept"] = [];
  const dropped: DropReason[] = [];
  for (const raw of list) {
    const candidate = candidateOf(raw, target);
    const parsed = questionInput.safeParse(candidate.input);
    const problem = parsed.success ? qualityProblem(parsed.data, target.locale) : "invalid";
    if (problem || !parsed.success) dropped.push(problem ?? "invalid");
    else if (kept.length < target.count) kept.push({ question: parsed.data, repaired: candidate.repaired });
  }
  return { unreadable: false, kept, dropped };
}
