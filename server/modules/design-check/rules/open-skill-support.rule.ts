import { afterPracticeDay } from "../analysis.ts";
import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "open-skill-support",
  evidence: ["blume-2010-open-skills", "blume-2010-work-environment"],
  check(doc) {
    const open = doc.competences.find((c) => c.kind === "open");
    if (!open) return null;
    const later = afterPracticeDay(doc.activities);
    const kinds = (["manager-check-in", "coaching-session", "peer-feedback"] as const).filter((type) =>
      later.some((a) => a.type === type),
    );
    return kinds.length >= 2
      ? null
      : { severity: "medium", params: { competence: open.name, supports: `${kinds.length}/3` } };
  },
});
