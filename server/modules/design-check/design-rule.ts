import type { Severity, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";

/** What a rule reports when it triggers. `variant` picks one of the rule's messages by key. */
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
 * One design-check rule: data (id, evidence) plus a small pure function. A rule lives in one file
 * under rules/ and is picked up from there; adding a rule is adding a file, and its words (a message
 * per variant, the advice) under its id in common/content/<locale>/design-check.json (decision 0033).
 */
export interface DesignRule {
  id: string;
  /** Ids in the evidence library that explain why the rule matters. */
  evidence: string[];
  check(document: TrajectoryDocument, facts?: DesignFacts): RuleHit | null;
}

export const defineRule = (rule: DesignRule): DesignRule => rule;
