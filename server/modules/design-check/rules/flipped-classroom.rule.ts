import { beforePracticeDay, sessionActivities, theoryMinutes, theoryTypes } from "../analysis.ts";
import { defineRule } from "../design-rule.ts";

/** Above this share of theory, the practice day is mostly listening. */
export const MAX_SESSION_THEORY_SHARE = 0.3;

export default defineRule({
  id: "flipped-classroom",
  evidence: ["flipped-classroom-2019", "kapur-2022-flipped"],
  messages: {
    default: {
      en: "{{percent}}% of the practice day is theory. Time together is scarce; spent listening, it is lost for practice.",
      nl: "{{percent}}% van de praktijkdag is theorie. Samen zijn is schaars; wie dan luistert, oefent niet.",
    },
    "no-theory-before": {
      en: "{{percent}}% of the practice day is theory and nothing prepares people beforehand. Move the theory to short modules before the day (flipped classroom).",
      nl: "{{percent}}% van de praktijkdag is theorie en niets bereidt mensen vooraf voor. Verplaats de theorie naar korte modules vóór de dag (flipped classroom).",
    },
  },
  advice: {
    en: "Put theory in short online modules, videos or reading before the practice day, and keep the practice day for practice, with at most about 30% theory.",
    nl: "Zet theorie in korte online modules, video's of leesstof vóór de praktijkdag en houd de praktijkdag voor oefenen, met hoogstens ongeveer 30% theorie.",
  },
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
