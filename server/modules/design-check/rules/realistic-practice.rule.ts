import { theoryShareOf } from "../analysis.ts";
import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "realistic-practice",
  evidence: ["thalheimer-realistic-practice", "taylor-2005-behaviour-modelling", "grossman-salas-2011"],
  check(doc) {
    const realistic = doc.activities.some(
      (a) =>
        a.type === "simulation" ||
        a.type === "on-the-job-assignment" ||
        (a.type === "practice-session" && theoryShareOf(a) <= 0.5),
    );
    return realistic ? null : { severity: "high" };
  },
});
