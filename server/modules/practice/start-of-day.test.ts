import { describe, expect, it } from "vitest";
import { startOfDay } from "./session-plans.ts";

describe("the learner's start of today (what counts as today's practice)", () => {
  it("is local midnight in winter and summer time, and west of UTC", () => {
    expect(startOfDay("2026-11-25", "Europe/Amsterdam").toISOString()).toBe("2026-11-24T23:00:00.000Z");
    expect(startOfDay("2027-07-01", "Europe/Brussels").toISOString()).toBe("2027-06-30T22:00:00.000Z");
    expect(startOfDay("2026-11-25", "America/New_York").toISOString()).toBe("2026-11-25T05:00:00.000Z");
    expect(startOfDay("2026-11-25", "UTC").toISOString()).toBe("2026-11-25T00:00:00.000Z");
  });
});
