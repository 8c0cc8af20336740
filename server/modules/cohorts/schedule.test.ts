import { describe, expect, it } from "vitest";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { assignSchedule, computeSchedule } from "./schedule.ts";
import { todayIn } from "../../../common/dates.ts";
import { addDays } from "../../../common/dates.ts";
import type { WorkingCalendar } from "../../../common/working-week.ts";

const netherlands: WorkingCalendar = { country: "NL", workingDays: [1, 2, 3, 4, 5] };

const doc: TrajectoryDocument = {
  title: "T",
  targetBehaviour: "B",
  audience: "",
  retentionDays: 90,
  desiredRetention: 0.9,
  dailyPracticeMinutes: 5,
  competences: [{ name: "C", kind: "closed" }],
  activities: [
    {
      id: "a",
      title: "Before",
      phase: "before",
      type: "theory-module",
      durationMinutes: 30,
      mandatory: true,
      offsetDays: -7,
    },
    {
      id: "b",
      title: "Day 1",
      phase: "session",
      type: "practice-session",
      durationMinutes: 120,
      mandatory: true,
      offsetDays: 0,
    },
    {
      id: "c",
      title: "Day 2",
      phase: "session",
      type: "simulation",
      durationMinutes: 120,
      mandatory: true,
      offsetDays: 1,
    },
    {
      id: "d",
      title: "After",
      phase: "after",
      type: "retrieval-practice",
      durationMinutes: 5,
      mandatory: true,
      offsetDays: 21,
    },
  ],
};

describe("computeSchedule", () => {
  it("dates every activity from the first practice day", () => {
    const schedule = computeSchedule(doc, ["2027-03-10"], netherlands);
    expect(schedule.map((s) => [s.activityId, s.date])).toEqual([
      ["a", "2027-03-03"],
      ["b", "2027-03-10"],
      ["c", "2027-03-11"],
      ["d", "2027-03-31"],
    ]);
  });

  it("puts a second-day activity on the cohort's real second practice day", () => {
    const schedule = computeSchedule(doc, ["2027-03-10", "2027-03-17"], netherlands);
    expect(schedule.find((s) => s.activityId === "c")!.date).toBe("2027-03-17");
  });

  it("moves before-work earlier and after-work later off a weekend, keeping the practice days", () => {
    // Monday 8 March 2027: a week before is a Monday, a day before a Sunday; 21 days after a Monday.
    const moved = {
      ...doc,
      activities: doc.activities.map((a) => (a.id === "a" ? { ...a, offsetDays: -1 } : a)),
    };
    const schedule = computeSchedule(
      { ...moved, activities: moved.activities.map((a) => (a.id === "d" ? { ...a, offsetDays: 5 } : a)) },
      ["2027-03-08", "2027-03-09"],
      netherlands,
    );
    expect(Object.fromEntries(schedule.map((s) => [s.activityId, s.date]))).toEqual({
      a: "2027-03-05",
      b: "2027-03-08",
      c: "2027-03-09",
      d: "2027-03-15",
    });
  });

  it("moves follow-up work past Christmas and Boxing Day, and leaves the designer's offsets alone", () => {
    const schedule = computeSchedule(doc, ["2026-12-04"], netherlands);
    // 4 December + 21 days is Christmas Day (a Friday), then a weekend: Monday 28 December.
    expect(schedule.find((s) => s.activityId === "d")).toMatchObject({
      date: "2026-12-28",
      movedFrom: "2026-12-25",
    });
    expect(schedule.find((s) => s.activityId === "a")).not.toHaveProperty("movedFrom");
    expect(doc.activities.find((a) => a.id === "d")!.offsetDays).toBe(21);
  });

  it("follows the organisation's country and working week", () => {
    const belgium: WorkingCalendar = { country: "BE", workingDays: [1, 2, 3, 4] };
    // 30 June 2026 + 21 days is 21 July, Belgium's national holiday; the 22nd is a Wednesday.
    expect(computeSchedule(doc, ["2026-06-30"], belgium).find((s) => s.activityId === "d")!.date).toBe(
      "2026-07-22",
    );
    // Thursday 11 March 2027 + 1 (a session activity past the only practice day) is a Friday: Monday.
    expect(computeSchedule(doc, ["2027-03-11"], belgium).find((s) => s.activityId === "c")!.date).toBe(
      "2027-03-15",
    );
  });

  it("is not shifted by daylight saving time", () => {
    expect(addDays("2027-03-27", 1)).toBe("2027-03-28");
    expect(addDays("2027-03-28", 1)).toBe("2027-03-29");
    expect(addDays("2027-10-30", 2)).toBe("2027-11-01");
  });

  it("assigns every activity to every participant", () => {
    const assignments = assignSchedule(computeSchedule(doc, ["2027-03-10"], netherlands), ["p1", "p2"]);
    expect(assignments).toHaveLength(8);
    expect(assignments.filter((a) => a.personId === "p2").map((a) => a.date)).toContain("2027-03-31");
  });
});

describe("todayIn", () => {
  it("uses the local date, not UTC", () => {
    expect(todayIn("Europe/Amsterdam", new Date("2027-01-01T23:30:00Z"))).toBe("2027-01-02");
  });
});
