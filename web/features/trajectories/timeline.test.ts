import { describe, expect, it } from "vitest";
import type { Activity } from "../../../common/schemas/trajectories.ts";
import { moveBefore, moveWithinPhase } from "./timeline.tsx";

const activity = (title: string, phase: Activity["phase"]): Activity => ({
  title,
  phase,
  type: "reading",
  durationMinutes: 10,
  mandatory: true,
  offsetDays: 0,
});

const list = [
  activity("a", "before"),
  activity("b", "session"),
  activity("c", "before"),
  activity("d", "session"),
];

describe("timeline moves", () => {
  it("moves an activity past the next one of the same phase, skipping other phases", () => {
    expect(moveWithinPhase(list, 0, 1).map((a) => a.title)).toEqual(["c", "b", "a", "d"]);
    expect(moveWithinPhase(list, 3, -1).map((a) => a.title)).toEqual(["a", "d", "c", "b"]);
  });

  it("does nothing at the edge of a phase", () => {
    expect(moveWithinPhase(list, 0, -1)).toBe(list);
  });

  it("drops an activity before another, taking on that activity's phase", () => {
    const moved = moveBefore(list, 0, 3);
    expect(moved.map((a) => a.title)).toEqual(["b", "c", "a", "d"]);
    expect(moved.find((a) => a.title === "a")!.phase).toBe("session");
  });
});
