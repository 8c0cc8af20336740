import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "manager-involvement",
  evidence: ["blume-2010-work-environment", "grossman-salas-2011"],
  check(doc) {
    const checkIns = doc.activities.filter((a) => a.type === "manager-check-in");
    const before = checkIns.some((a) => a.offsetDays < 0);
    const after = checkIns.some((a) => a.offsetDays > 0);
    if (before && after) return null;
    if (!before && !after) return { severity: "high", variant: "none" };
    return { severity: "medium", variant: before ? "no-after" : "no-before" };
  },
});
