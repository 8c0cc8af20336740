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
  messages: {
    massed: {
      en: "Everything is massed into the practice day; nothing follows it, so most of it will be forgotten within weeks.",
      nl: "Alles is op de praktijkdag samengepropt; er volgt niets, dus het meeste is binnen een paar weken vergeten.",
    },
    "no-retrieval": {
      en: "There is no spaced retrieval practice after the practice day.",
      nl: "Na de praktijkdag is er geen gespreide ophaaloefening.",
    },
    "too-short": {
      en: "Retrieval practice stops after {{lastDay}} days, while the behaviour must last {{retentionDays}} days.",
      nl: "De ophaaloefening stopt na {{lastDay}} dagen, terwijl het gedrag {{retentionDays}} dagen moet blijven.",
    },
  },
  advice: {
    en: "Add retrieval practice with scenario questions after the practice day, spread over weeks and continuing to at least a third of the retention period.",
    nl: "Voeg na de praktijkdag ophaaloefeningen met scenariovragen toe, gespreid over weken en doorlopend tot minstens een derde van de periode dat het moet blijven hangen.",
  },
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
