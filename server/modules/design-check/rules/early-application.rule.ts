import { defineRule } from "../design-rule.ts";

/** "Early" in the transfer research: within about two weeks of the practice day. */
export const EARLY_DAYS = 14;

export default defineRule({
  id: "early-application",
  evidence: ["thalheimer-early-application", "grossman-salas-2011"],
  messages: {
    default: {
      en: "There is no planned chance to apply the new behaviour at work within {{days}} days of the practice day.",
      nl: "Er is geen geplande kans om het nieuwe gedrag binnen {{days}} dagen na de praktijkdag op het werk toe te passen.",
    },
  },
  advice: {
    en: "Add an on-the-job assignment within two weeks of the practice day, in a real situation people will meet anyway.",
    nl: "Voeg binnen twee weken na de praktijkdag een opdracht op het werk toe, in een echte situatie die mensen toch tegenkomen.",
  },
  check: (doc) =>
    doc.activities.some(
      (a) => a.type === "on-the-job-assignment" && a.offsetDays >= 0 && a.offsetDays <= EARLY_DAYS,
    )
      ? null
      : { severity: "high", params: { days: EARLY_DAYS } },
});
