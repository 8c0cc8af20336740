import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "triggered-action-plan",
  evidence: ["thalheimer-triggered-action-planning", "gollwitzer-sheeran-2006", "blume-2010-goal-setting"],
  messages: {
    default: {
      en: 'Nobody writes an if-then action plan ("When <situation>, I will <action>"). Goals without a trigger barely change behaviour.',
      nl: 'Niemand schrijft een als-dan-actieplan ("Als <situatie>, dan <actie>"). Doelen zonder aanleiding veranderen gedrag nauwelijks.',
    },
  },
  advice: {
    en: "Add an action-plan activity at the end of the practice day: one to three plans, each naming the situation at work and the specific action.",
    nl: "Voeg aan het eind van de praktijkdag een actieplan toe: één tot drie plannen, elk met de situatie op het werk en de concrete actie.",
  },
  check: (doc) =>
    doc.activities.some((a) => a.type === "action-plan" && a.offsetDays >= 0) ? null : { severity: "high" },
});
