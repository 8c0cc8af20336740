import type { BadgeProgress, BadgeRuleProgress } from "../../../common/schemas/action-plans.ts";

/** A competence proof counts as passed from this share of right answers. */
export const PROOF_PASS = 0.7;

/** What a badge's evidence rule asks for (the columns of its achievement). */
export interface EvidenceRule {
  requiresProof: boolean;
  minConfirmedApplications: number;
}

/** The learner's evidence on one competence. */
export interface Evidence {
  /** The best share of right answers on a competence proof (0–1); null when none was taken. */
  bestProofShare: number | null;
  /** Distinct applications of plans for the competence that a manager confirmed. */
  confirmedApplications: number;
}

/**
 * How far the learner is on each part of a badge's rule, and whether all of it is met. The award uses
 * `met`, and the passport shows the parts: one function, so "nothing remains" and "awarded" agree.
 */
export function badgeProgress(rule: EvidenceRule, evidence: Evidence): BadgeProgress {
  const rules: BadgeRuleProgress[] = [];
  if (rule.requiresProof)
    rules.push({
      rule: "competence-proof",
      met: evidence.bestProofShare !== null && evidence.bestProofShare >= PROOF_PASS,
      bestShare: evidence.bestProofShare,
      neededShare: PROOF_PASS,
    });
  if (rule.minConfirmedApplications > 0)
    rules.push({
      rule: "confirmed-applications",
      met: evidence.confirmedApplications >= rule.minConfirmedApplications,
      have: Math.min(evidence.confirmedApplications, rule.minConfirmedApplications),
      needed: rule.minConfirmedApplications,
    });
  return { met: rules.every((r) => r.met), rules };
}

/** The best share of right answers over the proofs taken (a proof without questions counts for nothing). */
export function bestShare(proofs: { correct: number; total: number }[]): number | null {
  const shares = proofs.filter((p) => p.total > 0).map((p) => p.correct / p.total);
  return shares.length === 0 ? null : Math.max(...shares);
}
