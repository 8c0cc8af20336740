import { describe, expect, it } from "vitest";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { assignSchedule, computeSchedule } from "./schedule.ts";
import { todayIn } from "../../../common/dates.ts";
import { addDays } from "../../../common/dates.ts";

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
    const schedule = computeSchedule(doc, ["2027-03-10"]);
    expect(schedule.map((s) => [s.activityId, s.date])).toEqual([
      ["a", "2027-03-03"],
      ["b", "2027-03-10"],
      ["c", "2027-03-11"],
      ["d", "2027-03-31"],
    ]);
  });

  it("puts a second-day activity on the cohort's real second practice day", () => {
    const schedule = computeSchedule(doc, ["2027-03-10", "2027-03-17"]);
    expect(schedule.find((s) => s.activityId === "c")!.date).toBe("2027-03-17");
  });

  it("is not shifted by daylight saving time", () => {
    expect(addDays("2027-03-27", 1)).toBe("2027-03-28");
    expect(addDays("2027-03-28", 1)).toBe("2027-03-29");
    expect(addDays("2027-10-30", 2)).toBe("2027-11-01");
  });

  it("assigns every activity to every participant", () => {
    const assignments = assignSchedule(computeSchedule(doc, ["2027-03-10"]), ["p1", "p2"]);
    expect(assignments).toHaveLength(8);
    expect(assignments.filter((a) => a.personId === "p2").map((a) => a.date)).toContain("2027-03-31");
  });
});

describe("todayIn", () => {
  it("uses the local date, not UTC", () => {
    expect(todayIn("Europe/Amsterdam", new Date("2027-01-01T23:30:00Z"))).toBe("2027-01-02");
  });
});
