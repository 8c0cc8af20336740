import { afterPracticeDay } from "../analysis.ts";
import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "open-skill-support",
  evidence: ["blume-2010-open-skills", "blume-2010-work-environment"],
  messages: {
    default: {
      en: '"{{competence}}" is an open skill, where support at work matters even more, but after the practice day there is little support: {{supports}} of manager check-in, coaching and peer feedback.',
      nl: '"{{competence}}" is een open vaardigheid, waarbij steun op het werk nog zwaarder weegt, maar na de praktijkdag is er weinig steun: {{supports}} van gesprek met de leidinggevende, coaching en collegafeedback.',
    },
  },
  advice: {
    en: "For open skills, combine at least two kinds of support after the practice day: a manager check-in, coaching, and feedback from a colleague.",
    nl: "Combineer bij open vaardigheden na de praktijkdag minstens twee soorten steun: een gesprek met de leidinggevende, coaching en feedback van een collega.",
  },
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
