import { beforePracticeDay, sessionActivities, theoryMinutes, theoryTypes } from "../analysis.ts";
import { defineRule } from "../design-rule.ts";

/** Above this share of theory, the practice day is mostly listening. */
export const MAX_SESSION_THEORY_SHARE = 0.3;

export default defineRule({
  id: "flipped-classroom",
  evidence: ["flipped-classroom-2019", "kapur-2022-flipped"],
  check(doc) {
    const session = sessionActivities(doc);
    const total = session.reduce((sum, a) => sum + a.durationMinutes, 0);
    if (total === 0) return null;
    const share = session.reduce((sum, a) => sum + theoryMinutes(a), 0) / total;
    if (share <= MAX_SESSION_THEORY_SHARE) return null;
    const hasTheoryBefore = beforePracticeDay(doc.activities).some((a) => theoryTypes.has(a.type));
    return {
      severity: "medium",
      variant: hasTheoryBefore ? "default" : "no-theory-before",
      params: { percent: Math.round(share * 100) },
    };
  },
});
