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
