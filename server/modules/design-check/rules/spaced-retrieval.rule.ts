import { afterPracticeDay } from "../analysis.ts";
import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "spaced-retrieval",
  evidence: [
    "latimier-2021-spacing",
    "cepeda-2006-retention-interval",
    "pan-rickard-2018-transfer-of-testing",
    "metax-spaced-practice",
  ],
  check(doc) {
    const later = afterPracticeDay(doc.activities);
    if (later.length === 0) return { severity: "high", variant: "massed" };
    const retrieval = later.filter((a) => a.type === "retrieval-practice");
    if (retrieval.length === 0) return { severity: "high", variant: "no-retrieval" };
    const lastDay = Math.max(...retrieval.map((a) => a.offsetDays));
    if (lastDay * 3 < doc.retentionDays) {
      return {
        severity: "medium",
        variant: "too-short",
        params: { lastDay, retentionDays: doc.retentionDays },
      };
    }
    return null;
  },
});
