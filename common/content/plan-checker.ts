import en from "./en/plan-checker.json" with { type: "json" };
import fr from "./fr/plan-checker.json" with { type: "json" };
import nl from "./nl/plan-checker.json" with { type: "json" };
import { contentReader } from "./content.ts";

export type PlanProblem =
  | "missing_situation"
  | "vague_situation"
  | "missing_action"
  | "vague_action"
  | "negative_action"
  | "long_action";

/** Word lists the coach looks for, each a `|`-separated list of words or phrases (lower case). */
export interface PlanCues {
  /** The form's own lead-in before a situation ("When", "Als", "Quand"): not content. */
  situationLeadIns: string;
  /** The lead-in before an action ("I will", "Dan ga ik", "Alors je vais"): not content. */
  actionLeadIns: string;
  /** Situations that never arrive at a recognisable moment ("sometimes", "parfois"). */
  vagueSituation: string;
  /** Intentions rather than actions: nothing anyone could see you do ("try", "essayer"). */
  vagueAction: string;
  /** Words that make an action a thing not to do ("not", "ne… pas"). */
  negation: string;
}

/**
 * The if-then plan coach's words by language: the cues it recognises in that language and what it says
 * (what is wrong and how to sharpen it) by problem code.
 */
export interface PlanCheckerTexts {
  cues: PlanCues;
  problems: Record<PlanProblem, { message: string; suggestion: string }>;
}

/** `common/content/<locale>/plan-checker.json`. */
export const planCheckerTexts = contentReader<PlanCheckerTexts>({ en, nl, fr });
