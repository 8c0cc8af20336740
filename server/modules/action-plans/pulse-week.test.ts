import { describe, expect, it } from "vitest";
import { historyStart, pulseWeek, weekStart } from "./pulse-week.ts";

describe("weekStart", () => {
  it("is the Monday of the ISO week for every day of that week", () => {
    for (const day of ["2026-11-23", "2026-11-25", "2026-11-28", "2026-11-29"])
      expect(weekStart(day), day).toBe("2026-11-23");
  });

  it("moves to the next week on Monday, across a month and a year", () => {
    expect(weekStart("2026-11-30")).toBe("2026-11-30");
    expect(weekStart("2026-12-01")).toBe("2026-11-30");
    // 1 January 2027 is a Friday: its ISO week started in 2026.
    expect(weekStart("2027-01-01")).toBe("2026-12-28");
  });
});

describe("pulseWeek", () => {
  it("uses the learner's own date: Sunday evening in Amsterdam is still that week", () => {
    // Sunday 29 November 2026, 23:30 in Amsterdam is 22:30 UTC: still Sunday.
    expect(pulseWeek("Europe/Amsterdam", new Date("2026-11-29T22:30:00Z"))).toBe("2026-11-23");
    // Half an hour later it is Monday in Amsterdam, while UTC still says Sunday.
    expect(pulseWeek("Europe/Amsterdam", new Date("2026-11-29T23:30:00Z"))).toBe("2026-11-30");
    expect(pulseWeek("UTC", new Date("2026-11-29T23:30:00Z"))).toBe("2026-11-23");
  });

  it("keeps across the change to winter time", () => {
    // Sunday 25 October 2026 the clocks go back in Europe; the week still starts Monday 19 October.
    expect(pulseWeek("Europe/Brussels", new Date("2026-10-25T12:00:00Z"))).toBe("2026-10-19");
  });
});

describe("historyStart", () => {
  it("reaches back five weeks before this one, six weeks shown in all", () => {
    expect(historyStart("2026-11-30")).toBe("2026-10-26");
  });
});
