import { describe, expect, it } from "vitest";
import { effectiveThreshold, isFilterAllowed, planGroups } from "./anonymity.ts";

describe("effectiveThreshold", () => {
  it("never goes below three", () => {
    expect(effectiveThreshold(1)).toBe(3);
    expect(effectiveThreshold(5)).toBe(5);
  });
});

describe("planGroups", () => {
  it("shows every group that reaches the threshold", () => {
    const plan = planGroups(
      [
        { key: "service", responses: 8 },
        { key: "montage", responses: 6 },
      ],
      5,
    );
    expect(plan).toEqual({ shown: ["montage", "service"], merged: [], otherShown: false, totalShown: true });
  });

  it("merges small groups into 'other' when together they reach the threshold", () => {
    const plan = planGroups(
      [
        { key: "service", responses: 9 },
        { key: "kantoor", responses: 3 },
        { key: "planning", responses: 2 },
      ],
      5,
    );
    expect(plan.shown).toEqual(["service"]);
    expect(plan.merged).toEqual(["kantoor", "planning"]);
    expect(plan.otherShown).toBe(true);
  });

  it("blocks the subtraction attack: a lone small group is never total minus the shown groups", () => {
    // Total 20, service 9, montage 8 shown, kantoor 3 hidden: 20 − 9 − 8 would reveal kantoor's 3.
    const plan = planGroups(
      [
        { key: "service", responses: 9 },
        { key: "montage", responses: 8 },
        { key: "kantoor", responses: 3 },
      ],
      5,
    );
    expect(plan.merged).toEqual(["kantoor", "montage"]);
    expect(plan.shown).toEqual(["service"]);
    expect(plan.otherShown).toBe(true);
    // Whatever is shown, the hidden rest (total − shown) is at least the threshold.
    const hidden = 20 - 9;
    expect(hidden).toBeGreaterThanOrEqual(5);
  });

  it("shows nothing when even the whole organisation is below the threshold", () => {
    expect(planGroups([{ key: "a", responses: 2 }], 5)).toMatchObject({
      shown: [],
      otherShown: false,
      totalShown: false,
    });
  });

  it("keeps every hidden set at or above the threshold for many random organisations", () => {
    for (let seed = 1; seed < 500; seed++) {
      const groups = Array.from({ length: 1 + (seed % 6) }, (_, i) => ({
        key: `g${i}`,
        responses: (seed * (i + 3)) % 11,
      }));
      const plan = planGroups(groups, 5);
      const total = groups.reduce((s, g) => s + g.responses, 0);
      const shownTotal = groups
        .filter((g) => plan.shown.includes(g.key))
        .reduce((s, g) => s + g.responses, 0);
      for (const key of plan.shown)
        expect(groups.find((g) => g.key === key)!.responses).toBeGreaterThanOrEqual(5);
      if (plan.totalShown && total - shownTotal > 0)
        expect(total - shownTotal, `seed ${seed}`).toBeGreaterThanOrEqual(5);
    }
  });
});

describe("isFilterAllowed", () => {
  it("refuses a filter whose part or remainder is too small", () => {
    expect(isFilterAllowed(12, 7, 5)).toBe(true);
    expect(isFilterAllowed(12, 12, 5)).toBe(true);
    expect(isFilterAllowed(12, 4, 5)).toBe(false);
    expect(isFilterAllowed(12, 9, 5)).toBe(false);
  });
});
