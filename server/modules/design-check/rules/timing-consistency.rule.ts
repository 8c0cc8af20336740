import type { Activity } from "../../../../common/schemas/trajectories.ts";
import { defineRule } from "../design-rule.ts";

function contradicts(activity: Activity): boolean {
  switch (activity.phase) {
    case "before":
      return activity.offsetDays >= 0;
    case "kickoff":
      return activity.offsetDays > 0;
    case "session":
      return activity.offsetDays < 0;
    case "between":
    case "after":
      return activity.offsetDays <= 0;
  }
}

export default defineRule({
  id: "timing-consistency",
  evidence: [],
  check(doc) {
    const wrong = doc.activities.filter(contradicts);
    if (wrong.length === 0) return null;
    return { severity: "low", params: { titles: wrong.map((a) => `"${a.title}"`).join(", ") } };
  },
});
