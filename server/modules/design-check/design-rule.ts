import type { Severity, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import type { Text } from "../evidence/index.ts";

/** What a rule reports when it triggers. `variant` picks one of the rule's messages. */
export interface RuleHit {
  severity: Severity;
  variant?: string;
  params?: Record<string, string | number>;
}

/**
 * What the check knows besides the document, when it checks a saved trajectory: its question bank
 * (decision 0028). A check of a bare document (the public `POST /api/design-check`) has none, and rules
 * about the bank then stay silent.
 */
export interface DesignFacts {
  questionBank?: { questions: number; pendingDrafts: number };
}

/**
 * One design-check rule: data (id, evidence, texts) plus a small pure function. A rule lives in one
 * file under rules/ and is picked up from there; adding a rule is adding a file.
 */
export interface DesignRule {
  id: string;
  /** Ids in the evidence library that explain why the rule matters. */
  evidence: string[];
  /** Messages by variant (`default` when the rule has one); `{{name}}` placeholders from params. */
  messages: Record<string, Text>;
  advice: Text;
  check(document: TrajectoryDocument, facts?: DesignFacts): RuleHit | null;
}

export const defineRule = (rule: DesignRule): DesignRule => rule;
