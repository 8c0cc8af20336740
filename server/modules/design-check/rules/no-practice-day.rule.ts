import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "no-practice-day",
  evidence: ["thalheimer-realistic-practice", "grossman-salas-2011"],
  messages: {
    default: {
      en: "The trajectory has no practice day: nothing is planned in the practice-day phase, so a cohort cannot be planned and there is no moment to practise together.",
      nl: "Het traject heeft geen praktijkdag: er staat niets in de fase praktijkdag, dus er kan geen groep worden gepland en er is geen moment om samen te oefenen.",
    },
  },
  advice: {
    en: "Add at least one practice session or simulation in the practice-day phase (offset 0).",
    nl: "Voeg minstens één oefensessie of simulatie toe in de fase praktijkdag (dag 0).",
  },
  check: (doc) => (doc.activities.some((a) => a.phase === "session") ? null : { severity: "high" }),
});
