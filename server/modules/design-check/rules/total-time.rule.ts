import { practiceMinutes } from "../analysis.ts";
import { defineRule } from "../design-rule.ts";

/** A working minimum of deliberate practice per competence; below it a new behaviour rarely sticks. */
export const PRACTICE_MINUTES_PER_COMPETENCE = 90;

export default defineRule({
  id: "total-time",
  evidence: ["thalheimer-realistic-practice", "latimier-2021-spacing"],
  check(doc) {
    const minutes = Math.round(practiceMinutes(doc));
    const needed = PRACTICE_MINUTES_PER_COMPETENCE * doc.competences.length;
    return minutes >= needed
      ? null
      : { severity: "medium", params: { minutes, competences: doc.competences.length, needed } };
  },
});
