import { authorizerFor, type Grants } from "../../policy.ts";

export type ImpactPermission = "impact.read" | "impact.record" | "impact.people";

/**
 * Totals are for whoever designs and runs trajectories; named learners (success cases, the per-learner
 * export, interviews) only for the coordinator, who runs the evaluation.
 */
export const impactGrants: Grants<ImpactPermission> = {
  "impact.read": ["coordinator", "designer"],
  "impact.record": ["coordinator", "designer"],
  "impact.people": ["coordinator"],
};

export const authorize = authorizerFor(impactGrants);
