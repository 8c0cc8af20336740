import { theoryShareOf } from "../analysis.ts";
import { defineRule } from "../design-rule.ts";

export default defineRule({
  id: "realistic-practice",
  evidence: ["thalheimer-realistic-practice", "taylor-2005-behaviour-modelling", "grossman-salas-2011"],
  messages: {
    default: {
      en: "There is no realistic practice: no simulation or role play, no practice session that is mostly practice, and no assignment at work.",
      nl: "Er is geen realistische oefening: geen simulatie of rollenspel, geen oefensessie die vooral oefenen is en geen opdracht op het werk.",
    },
  },
  advice: {
    en: "Add a simulation or role play built from real situations at work (let people bring their own cases), or an on-the-job assignment.",
    nl: "Voeg een simulatie of rollenspel toe met echte situaties van het werk (laat mensen hun eigen casussen meebrengen), of een opdracht op het werk.",
  },
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
