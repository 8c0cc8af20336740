import { describe, expect, it } from "vitest";
import { effectiveThreshold, isFilterAllowed, planGroups, scanThreshold } from "./anonymity.ts";

/** A small deterministic generator, so a failing seed can be replayed. */
function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((state / 2_147_483_648) * n);
  };
}

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

describe("planGroups with shared-link answers", () => {
  it("never lets shared-link answers lift a group or the total, nor leave a small remainder", () => {
    for (let seed = 1; seed < 2000; seed++) {
      const random = generator(seed);
      const threshold = 3 + random(5);
      const groups = Array.from({ length: 1 + random(6) }, (_, i) => ({
        key: `g${i}`,
        responses: random(12),
        untied: random(3) === 0 ? random(10) : 0,
      }));
      // The shared-link pool: answers without a team, possibly all padding.
      groups.push({ key: "shared", responses: 0, untied: random(15) });
      const withShared = planGroups(groups, threshold);
      const without = planGroups(
        groups.map((g) => ({ key: g.key, responses: g.responses })),
        threshold,
      );
      const label = `seed ${seed}`;
      // Padding can only hide more, never show more.
      for (const key of withShared.shown) expect(without.shown, label).toContain(key);
      expect(withShared.totalShown, label).toBe(without.totalShown);
      for (const key of withShared.shown)
        expect(groups.find((g) => g.key === key)!.responses, label).toBeGreaterThanOrEqual(threshold);
      // Total minus the shown groups: nobody, or at least the threshold of tied answers.
      if (withShared.totalShown) {
        const rest = groups.filter((g) => !withShared.shown.includes(g.key));
        const restTied = rest.reduce((sum, g) => sum + g.responses, 0);
        const restAll = rest.reduce((sum, g) => sum + g.responses + g.untied, 0);
        if (restAll > 0) expect(restTied, label).toBeGreaterThanOrEqual(threshold);
        expect(withShared.otherShown, label).toBe(restAll > 0);
      }
    }
  });

  it("keeps a team with one real answer and four padded ones hidden", () => {
    const plan = planGroups(
      [
        { key: "verkoop", responses: 1, untied: 4 },
        { key: "service", responses: 9 },
      ],
      5,
    );
    expect(plan.shown).toEqual([]);
  });
});

describe("scanThreshold", () => {
  it("takes a raise of the organisation's threshold but never a lowering below the scan's own", () => {
    for (let seed = 1; seed < 300; seed++) {
      const random = generator(seed);
      const openedWith = effectiveThreshold(1 + random(12));
      const now = 1 + random(12);
      const threshold = scanThreshold(openedWith, now);
      expect(threshold).toBeGreaterThanOrEqual(openedWith);
      expect(threshold).toBeGreaterThanOrEqual(effectiveThreshold(now));
      expect(threshold).toBe(Math.max(openedWith, effectiveThreshold(now)));
    }
    expect(scanThreshold(5, 3)).toBe(5);
    expect(scanThreshold(5, 8)).toBe(8);
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
