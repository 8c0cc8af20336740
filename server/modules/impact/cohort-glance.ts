import type { Scope } from "../../http/scope.ts";
import { translator } from "../../i18n.ts";
import { kpiFacts } from "./impact-data.ts";
import { gatherImpact, measureLabeller } from "./impact.service.ts";
import { computeTiers } from "./tiers.ts";

/** One cohort in a few figures: people per LTEM tier so far and the mandatory work that is overdue. */
export interface CohortGlance {
  participants: number;
  tiers: { tier: number; name: string; learners: number }[];
  overdueTasks: number;
  peopleBehind: number;
}

/**
 * A cohort at a glance for the coordinator's home, from the same facts and tier rules as the impact
 * screen, so the two never disagree. Authorises like the impact screen (`impact.read`).
 */
export async function cohortGlance(
  scope: Scope,
  options: { trajectoryId: string; cohortId: string },
): Promise<CohortGlance> {
  const facts = await gatherImpact(scope, options);
  const tiers = computeTiers(
    facts.plan,
    facts.learners,
    kpiFacts(facts.kpis),
    measureLabeller(facts.scope.document, scope.locale),
    translator(scope.locale),
  );
  const behind = facts.learners.map((l) => Math.max(0, l.tasksDue - l.tasksDone));
  return {
    participants: facts.learners.length,
    tiers: tiers.map(({ tier, name, learners }) => ({ tier, name, learners })),
    overdueTasks: behind.reduce((sum, n) => sum + n, 0),
    peopleBehind: behind.filter((n) => n > 0).length,
  };
}
