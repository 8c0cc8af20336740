import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "measurement-bookends",
  evidence: ["ltem-tiers", "rowland-2014-testing"],
  messages: {
    neither: {
      en: "There is no kick-off insight test and no final competence proof, so nobody can see what changed.",
      nl: "Er is geen instaptoets en geen afsluitend bekwaamheidsbewijs, dus niemand ziet wat er veranderd is.",
    },
    "no-insight-test": {
      en: "There is no kick-off insight test: learners miss their personal starting point and you miss the 'before' measure.",
      nl: "Er is geen instaptoets: deelnemers missen hun persoonlijke startpunt en jij mist de voormeting.",
    },
    "no-competence-proof": {
      en: "There is no final competence proof after the practice day, so competence is assumed rather than shown.",
      nl: "Er is geen afsluitend bekwaamheidsbewijs na de praktijkdag, dus bekwaamheid wordt aangenomen in plaats van aangetoond.",
    },
  },
  advice: {
    en: "Add an insight test before or at the kick-off and a competence proof some weeks after the practice day, measuring the same competence.",
    nl: "Voeg vóór of bij de kick-off een instaptoets toe en enkele weken na de praktijkdag een bekwaamheidsbewijs dat dezelfde competentie meet.",
  },
  check(doc) {
    const insight = doc.activities.some((a) => a.type === "insight-test" && a.offsetDays <= 0);
    const proof = doc.activities.some((a) => a.type === "competence-proof" && a.offsetDays > 0);
    if (insight && proof) return null;
    if (!insight && !proof) return { severity: "medium", variant: "neither" };
    return { severity: "low", variant: insight ? "no-competence-proof" : "no-insight-test" };
  },
});
