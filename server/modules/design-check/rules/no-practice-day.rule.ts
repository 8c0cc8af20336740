import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "no-practice-day",
  evidence: ["thalheimer-realistic-practice", "grossman-salas-2011"],
  check: (doc) => (doc.activities.some((a) => a.phase === "session") ? null : { severity: "high" }),
});
