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
  messages: {
    default: {
      en: 'The timing of {{titles}} does not fit its phase (for example "after" but planned before the practice day).',
      nl: 'De timing van {{titles}} past niet bij de fase (bijvoorbeeld "na" maar gepland vóór de praktijkdag).',
    },
  },
  advice: {
    en: "Check the day offsets: negative is before the practice day, 0 is the practice day, positive is after it.",
    nl: "Controleer de dagen: negatief is vóór de praktijkdag, 0 is de praktijkdag, positief is erna.",
  },
  check(doc) {
    const wrong = doc.activities.filter(contradicts);
    if (wrong.length === 0) return null;
    return { severity: "low", params: { titles: wrong.map((a) => `"${a.title}"`).join(", ") } };
  },
});
