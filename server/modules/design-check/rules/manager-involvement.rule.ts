import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "manager-involvement",
  evidence: ["blume-2010-work-environment", "grossman-salas-2011"],
  messages: {
    none: {
      en: "The manager is not involved: no check-in before the training and none after.",
      nl: "De leidinggevende doet niet mee: geen gesprek vóór de opleiding en geen erna.",
    },
    "no-before": {
      en: "The manager does not talk with the learner before the training about what to expect and practise.",
      nl: "De leidinggevende spreekt de deelnemer niet vóór de opleiding over verwachtingen en wat te oefenen.",
    },
    "no-after": {
      en: "The manager does not check in after the training, when support for applying it matters most.",
      nl: "De leidinggevende voert na de opleiding geen gesprek, juist als steun bij het toepassen het meest telt.",
    },
  },
  advice: {
    en: "Plan a short manager check-in before (expectations, what to practise) and one or two after (which plan, when to apply it, what support).",
    nl: "Plan een kort gesprek met de leidinggevende vooraf (verwachtingen, wat oefenen) en een of twee achteraf (welk plan, wanneer toepassen, welke steun).",
  },
  check(doc) {
    const checkIns = doc.activities.filter((a) => a.type === "manager-check-in");
    const before = checkIns.some((a) => a.offsetDays < 0);
    const after = checkIns.some((a) => a.offsetDays > 0);
    if (before && after) return null;
    if (!before && !after) return { severity: "high", variant: "none" };
    return { severity: "medium", variant: before ? "no-after" : "no-before" };
  },
});
