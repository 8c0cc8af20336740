import { contentLocales } from "../../../common/content/content.ts";
import { type PlanCues, type PlanProblem, planCheckerTexts } from "../../../common/content/plan-checker.ts";
import type { Locale } from "../../../common/locales.ts";

export type { PlanProblem } from "../../../common/content/plan-checker.ts";

/**
 * The if-then plan coach: small, rules-based and explainable. It flags a plan without a situation (the
 * "when"), an action that is vague ("be better at…"), negative ("not interrupt") or not observable, and
 * suggests how to sharpen it. Every language's cues (common/content/<locale>/plan-checker.json) are
 * checked, whatever the screen language, as people mix Dutch, French and English at work; the coaching
 * comes in the reader's language.
 */
export interface PlanFinding {
  code: PlanProblem;
  severity: "high" | "medium";
  message: string;
  suggestion: string;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter(Boolean);

const escape = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * One pattern for a cue list across all languages. Word edges are letters, not `\b`, which knows no
 * "é"; a cue that ends in an apostrophe ("n'", "lorsqu'") may run straight into the next word.
 */
function cuePattern(pick: (cues: PlanCues) => string, { atStart = false } = {}): RegExp {
  const phrases = contentLocales
    .flatMap((locale) => pick(planCheckerTexts(locale).cues).split("|"))
    .map((phrase) => phrase.trim())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map(
      (phrase) => escape(phrase).replace(/'/g, "['’]") + (phrase.endsWith("'") ? "" : "(?![\\p{L}\\p{N}])"),
    );
  return new RegExp(`${atStart ? "^" : "(?<![\\p{L}\\p{N}])"}(?:${phrases.join("|")})`, "iu");
}

const situationLeadIn = cuePattern((cues) => cues.situationLeadIns, { atStart: true });
const actionLeadIn = cuePattern((cues) => cues.actionLeadIns, { atStart: true });
const vagueSituation = cuePattern((cues) => cues.vagueSituation);
const vagueAction = cuePattern((cues) => cues.vagueAction);
const negation = cuePattern((cues) => cues.negation);

const severity: Record<PlanProblem, PlanFinding["severity"]> = {
  missing_situation: "high",
  missing_action: "high",
  vague_situation: "medium",
  vague_action: "high",
  negative_action: "medium",
  long_action: "medium",
};

/** Strips the form's own lead-in ("When", "Als", "Quand", "I will") so it does not count as content. */
function content(text: string, leadIn: RegExp): string {
  return text
    .trim()
    .replace(leadIn, "")
    .replace(/^[\s,]+/, "")
    .trim()
    .toLowerCase();
}

export function findPlanProblems(plan: { situation: string; action: string }): PlanProblem[] {
  const situation = content(plan.situation, situationLeadIn);
  const action = content(plan.action, actionLeadIn);
  const problems: PlanProblem[] = [];
  if (words(situation).length < 3) problems.push("missing_situation");
  else if (vagueSituation.test(situation)) problems.push("vague_situation");
  if (words(action).length < 2) problems.push("missing_action");
  else {
    if (vagueAction.test(action)) problems.push("vague_action");
    if (negation.test(action)) problems.push("negative_action");
    if (words(action).length > 30) problems.push("long_action");
  }
  return problems;
}

export function checkPlan(plan: { situation: string; action: string }, locale: Locale): PlanFinding[] {
  const { problems } = planCheckerTexts(locale);
  return findPlanProblems(plan).map((code) => ({
    code,
    severity: severity[code],
    message: problems[code].message,
    suggestion: problems[code].suggestion,
  }));
}
