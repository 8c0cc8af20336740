import { highestTier } from "../analysis.ts";
import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "evaluation-tiers",
  evidence: ["ltem-tiers", "blume-2010-reactions"],
  messages: {
    default: {
      en: "Evaluation stops at LTEM tier {{tier}} (attendance, activity or opinions): it cannot show that anyone learned or applied anything.",
      nl: "De evaluatie stopt bij LTEM-niveau {{tier}} (aanwezigheid, activiteit of meningen): daarmee is niet te zien of iemand iets leerde of toepaste.",
    },
  },
  advice: {
    en: "Measure decision making with scenario questions (tier 5), task competence with a competence proof (tier 6), and transfer with manager-confirmed applications at work (tier 7).",
    nl: "Meet beslissen met scenariovragen (niveau 5), taakbekwaamheid met een bekwaamheidsbewijs (niveau 6) en transfer met toepassingen op het werk die de leidinggevende bevestigt (niveau 7).",
  },
  check(doc) {
    const tier = highestTier(doc);
    return tier <= 3 ? { severity: "high", params: { tier } } : null;
  },
});
