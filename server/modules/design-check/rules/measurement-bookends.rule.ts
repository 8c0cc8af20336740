import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "measurement-bookends",
  evidence: ["ltem-tiers", "rowland-2014-testing"],
  check(doc) {
    const insight = doc.activities.some((a) => a.type === "insight-test" && a.offsetDays <= 0);
    const proof = doc.activities.some((a) => a.type === "competence-proof" && a.offsetDays > 0);
    if (insight && proof) return null;
    if (!insight && !proof) return { severity: "medium", variant: "neither" };
    return { severity: "low", variant: insight ? "no-competence-proof" : "no-insight-test" };
  },
});
