import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "triggered-action-plan",
  evidence: ["thalheimer-triggered-action-planning", "gollwitzer-sheeran-2006", "blume-2010-goal-setting"],
  check: (doc) =>
    doc.activities.some((a) => a.type === "action-plan" && a.offsetDays >= 0) ? null : { severity: "high" },
});
