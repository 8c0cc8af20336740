import { highestTier } from "../analysis.ts";
import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "evaluation-tiers",
  evidence: ["ltem-tiers", "blume-2010-reactions"],
  check(doc) {
    const tier = highestTier(doc);
    return tier <= 3 ? { severity: "high", params: { tier } } : null;
  },
});
