import { defineRule } from "../design-rule.ts";

/** Outside practice days, more mandatory work than this on one day competes with the job itself. */
export const MAX_WORKDAY_MINUTES = 120;

export default defineRule({
  id: "overloaded-day",
  evidence: ["latimier-2021-spacing"],
  messages: {
    default: {
      en: "Day {{day}} stacks {{minutes}} minutes of mandatory work outside the practice day; on a normal working day people will skip or rush it.",
      nl: "Op dag {{day}} staat {{minutes}} minuten verplicht werk buiten de praktijkdag; op een gewone werkdag schieten mensen dat over of raffelen ze het af.",
    },
  },
  advice: {
    en: "Spread these activities over several days, or make some of them optional (the learner's menu).",
    nl: "Spreid deze activiteiten over meer dagen, of maak er een paar keuze-activiteit (het menu van de deelnemer).",
  },
  check(doc) {
    const minutesByDay = new Map<number, number>();
    for (const activity of doc.activities) {
      if (!activity.mandatory || activity.phase === "session") continue;
      minutesByDay.set(
        activity.offsetDays,
        (minutesByDay.get(activity.offsetDays) ?? 0) + activity.durationMinutes,
      );
    }
    const [day, minutes] = [...minutesByDay.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
    return minutes > MAX_WORKDAY_MINUTES ? { severity: "low", params: { day, minutes } } : null;
  },
});
