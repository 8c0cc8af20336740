import { ofType } from "../analysis.ts";
import { defineRule } from "../design-rule.ts";

/**
 * Spaced retrieval needs questions: a trajectory with retrieval practice and an empty bank has nothing
 * to space. AI drafts that wait for review do not count: nothing reaches a learner until a person has
 * accepted it (decision 0028). Silent when the check does not know the bank (a bare document).
 */
export default defineRule({
  id: "question-bank",
  evidence: ["latimier-2021-spacing", "pan-rickard-2018-transfer-of-testing"],
  messages: {
    empty: {
      en: "The question bank is empty, so the retrieval practice after the practice day has nothing to ask.",
      nl: "De vragenbank is leeg, dus de ophaaloefening na de praktijkdag heeft niets om te vragen.",
    },
    unreviewed: {
      en: "{{count}} AI-drafted questions are waiting for review; learners see none of them until someone accepts them.",
      nl: "Er wachten {{count}} door AI opgestelde vragen op een beoordeling; deelnemers zien ze pas als iemand ze goedkeurt.",
    },
  },
  advice: {
    en: "Write scenario questions for each competence, or draft them with AI and review every draft: accept, edit or reject it.",
    nl: "Schrijf scenariovragen per competentie, of laat AI ze voorstellen en bekijk elk voorstel: goedkeuren, aanpassen of afwijzen.",
  },
  check(doc, facts) {
    const bank = facts?.questionBank;
    if (!bank) return null;
    const practises = ofType(doc, "retrieval-practice").length > 0;
    if (bank.questions === 0) return { severity: practises ? "high" : "medium", variant: "empty" };
    if (bank.pendingDrafts > 0)
      return { severity: "low", variant: "unreviewed", params: { count: bank.pendingDrafts } };
    return null;
  },
});
