import { brokenLines, effectivePlan, mistimedLines } from "../../../../common/measurement-plan.ts";
import { defineRule } from "../design-rule.ts";

const competenceTiers = [4, 5, 6];

export default defineRule({
  id: "measurement-plan",
  evidence: ["ltem-tiers"],
  messages: {
    "not-remembered": {
      en: "Knowledge, decisions or task competence are measured only before or right after learning: LTEM counts them only when they are still there days later.",
      nl: "Kennis, beslissen of taakbekwaamheid worden alleen vooraf of direct na het leren gemeten: LTEM telt ze pas als ze dagen later nog aanwezig zijn.",
    },
    "broken-lines": {
      en: "{{count}} line(s) of the measurement plan point at an activity that is gone or of another type, so they measure nothing.",
      nl: "{{count}} regel(s) van het meetplan verwijzen naar een activiteit die weg is of van een ander type, dus ze meten niets.",
    },
    mistimed: {
      en: "{{count}} line(s) of the measurement plan state a timing that does not match the day of their activity.",
      nl: "{{count}} regel(s) van het meetplan noemen een moment dat niet past bij de dag van hun activiteit.",
    },
  },
  advice: {
    en: "Take at least one test of decisions or task competence four or more days after the practice day, and keep the plan's lines pointing at the trajectory's own tests and surveys.",
    nl: "Neem minstens één toets van beslissen of taakbekwaamheid vier of meer dagen na de praktijkdag af, en laat de regels van het plan naar de eigen toetsen en vragenlijsten van het traject wijzen.",
  },
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
