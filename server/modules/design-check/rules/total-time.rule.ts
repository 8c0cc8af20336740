import { practiceMinutes } from "../analysis.ts";
import { defineRule } from "../design-rule.ts";

/** A working minimum of deliberate practice per competence; below it a new behaviour rarely sticks. */
export const PRACTICE_MINUTES_PER_COMPETENCE = 90;

export default defineRule({
  id: "total-time",
  evidence: ["thalheimer-realistic-practice", "latimier-2021-spacing"],
  messages: {
    default: {
      en: "Only {{minutes}} minutes of practice for {{competences}} competence(s); plan at least {{needed}} minutes of practice, feedback and retrieval.",
      nl: "Maar {{minutes}} minuten oefening voor {{competences}} competentie(s); plan minstens {{needed}} minuten oefenen, feedback en ophalen.",
    },
  },
  advice: {
    en: "Add practice rather than content: more role play, work assignments or retrieval practice spread over the weeks after.",
    nl: "Voeg oefening toe in plaats van inhoud: meer rollenspel, opdrachten op het werk of ophaaloefeningen, gespreid over de weken erna.",
  },
  check(doc) {
    const minutes = Math.round(practiceMinutes(doc));
    const needed = PRACTICE_MINUTES_PER_COMPETENCE * doc.competences.length;
    return minutes >= needed
      ? null
      : { severity: "medium", params: { minutes, competences: doc.competences.length, needed } };
  },
});
