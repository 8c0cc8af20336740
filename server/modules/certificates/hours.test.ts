import { describe, expect, it } from "vitest";
import { hoursOf, quarterHours, type ScheduledWork } from "./hours.ts";

const schedule: ScheduledWork[] = [
  { activityId: "intro", phase: "before", date: "2026-03-02", durationMinutes: 20 },
  { activityId: "day1-am", phase: "session", date: "2026-03-09", durationMinutes: 180 },
  { activityId: "day1-pm", phase: "session", date: "2026-03-09", durationMinutes: 210 },
  { activityId: "day2", phase: "session", date: "2026-03-16", durationMinutes: 360 },
  { activityId: "assignment", phase: "between", date: "2026-03-12", durationMinutes: 45 },
  { activityId: "check-in", phase: "after", date: "2026-03-30", durationMinutes: 30 },
];
const sessionDates = ["2026-03-09", "2026-03-16"];

describe("hoursOf", () => {
  it("counts a practice day's activities only for a day the learner was registered present", () => {
    const hours = hoursOf({
      schedule,
      sessionDates,
      attendance: [
        { sessionDate: "2026-03-09", status: "present" },
        { sessionDate: "2026-03-16", status: "absent" },
      ],
      doneActivityIds: new Set(),
    });
    expect(hours).toMatchObject({ practiceDaysAttended: 1, practiceDaysTotal: 2, practiceMinutes: 390 });
    expect(hours.ownWorkMinutes).toBe(0);
  });

  it("treats a day without an entry, or with a status it does not know (excused), as not attended", () => {
    const hours = hoursOf({
      schedule,
      sessionDates,
      attendance: [{ sessionDate: "2026-03-16", status: "excused" }],
      doneActivityIds: new Set(["day2"]),
    });
    expect(hours.practiceMinutes).toBe(0);
    expect(hours.practiceDaysAttended).toBe(0);
    // Ticking off a practice-day activity is no proof of being there: it never counts as own work either.
    expect(hours.ownWorkMinutes).toBe(0);
  });

  it("adds the minutes of the other activities she completed as own work, apart from the practice days", () => {
    const hours = hoursOf({
      schedule,
      sessionDates,
      attendance: sessionDates.map((sessionDate) => ({ sessionDate, status: "present" })),
      doneActivityIds: new Set(["intro", "assignment"]),
    });
    expect(hours).toEqual({
      practiceDaysAttended: 2,
      practiceDaysTotal: 2,
      practiceMinutes: 750,
      ownWorkMinutes: 65,
      totalMinutes: 815,
    });
  });

  it("ignores a register entry for a date that is not one of the cohort's practice days", () => {
    const hours = hoursOf({
      schedule,
      sessionDates,
      attendance: [{ sessionDate: "2026-03-10", status: "present" }],
      doneActivityIds: new Set(),
    });
    expect(hours.practiceDaysAttended).toBe(0);
    expect(hours.totalMinutes).toBe(0);
  });
});

describe("quarterHours", () => {
  it("rounds down to the quarter hour, never up", () => {
    expect(quarterHours(0)).toBe(0);
    expect(quarterHours(44)).toBe(0.5);
    expect(quarterHours(45)).toBe(0.75);
    expect(quarterHours(815)).toBe(13.5);
  });
});
