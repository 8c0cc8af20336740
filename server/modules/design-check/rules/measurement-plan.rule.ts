import { brokenLines, effectivePlan, mistimedLines } from "../../../../common/measurement-plan.ts";
import { defineRule } from "../design-rule.ts";

const competenceTiers = [4, 5, 6];

export default defineRule({
  id: "measurement-plan",
  evidence: ["ltem-tiers"],
  check(doc) {
    const own = doc.measurementPlan ?? [];
    const broken = brokenLines(doc, own);
    if (broken.length > 0)
      return { severity: "medium", variant: "broken-lines", params: { count: broken.length } };
    const { plan } = effectivePlan(doc);
    const competence = plan.filter((line) => competenceTiers.includes(line.tier));
    if (competence.length > 0 && !competence.some((line) => line.timing === "delayed")) {
      return { severity: "medium", variant: "not-remembered" };
    }
    const mistimed = mistimedLines(doc, plan);
    if (mistimed.length > 0)
      return { severity: "low", variant: "mistimed", params: { count: mistimed.length } };
    return null;
  },
});
