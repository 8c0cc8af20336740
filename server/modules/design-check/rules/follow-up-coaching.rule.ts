import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "follow-up-coaching",
  evidence: ["theeboom-2014-coaching", "jones-2016-coaching", "grossman-salas-2011"],
  messages: {
    default: {
      en: "After the practice day there is no coaching and no peer feedback.",
      nl: "Na de praktijkdag is er geen coaching en geen feedback van collega's.",
    },
  },
  advice: {
    en: "Add a coaching session or peer feedback on a real application in the weeks after the practice day.",
    nl: "Voeg in de weken na de praktijkdag een coachgesprek of feedback van een collega op een echte toepassing toe.",
  },
  check: (doc) =>
    doc.activities.some(
      (a) => (a.type === "coaching-session" || a.type === "peer-feedback") && a.offsetDays > 0,
    )
      ? null
      : { severity: "medium" },
});
