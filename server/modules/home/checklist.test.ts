import { describe, expect, it } from "vitest";
import { deriveChecklist } from "./checklist.ts";

const nothing = { people: 0, scans: 0, trajectories: 0, cohorts: 0, invited: 0 };

describe("deriveChecklist", () => {
  it("leaves every step open for a new organisation, in the order that works", () => {
    const steps = deriveChecklist(nothing);
    expect(steps.map((s) => s.key)).toEqual(["people", "scan", "template", "cohort", "invite"]);
    expect(steps.every((s) => !s.done)).toBe(true);
  });

  it("ticks a step once the data shows it was done, with what was done", () => {
    const steps = deriveChecklist({ ...nothing, people: 12, trajectories: 1, cohorts: 1 });
    const byKey = Object.fromEntries(steps.map((s) => [s.key, s]));
    expect(byKey.people).toEqual({ key: "people", done: true, count: 12 });
    expect(byKey.cohort).toEqual({ key: "cohort", done: true, count: 1 });
    expect(byKey.template!.done).toBe(true);
    expect(byKey.scan!.done).toBe(false);
    expect(byKey.invite!.done).toBe(false);
  });
});
