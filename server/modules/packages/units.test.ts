import { describe, expect, it } from "vitest";
import type { PackageUnit } from "../../db/schema/packages.ts";
import { allFinished, attemptSummary, type UnitAttempt, unitToPlay } from "./units.ts";

const unit = (id: string): PackageUnit => ({
  id,
  title: `Part ${id}`,
  href: "index.html",
  masteryScore: null,
});
const units = [unit("a"), unit("b"), unit("c")];
const at = new Date("2026-11-26T10:00:00Z");
const attempt = (unitId: string, finished: boolean, extra: Partial<UnitAttempt> = {}): UnitAttempt => ({
  unitId,
  completion: finished ? "completed" : "incomplete",
  success: "unknown",
  score: null,
  totalSeconds: 30,
  updatedAt: at,
  finishedAt: finished ? at : null,
  ...extra,
});

describe("unitToPlay", () => {
  it("continues with the first part not yet finished, or starts again at the first", () => {
    expect(unitToPlay(units, [])?.id).toBe("a");
    expect(unitToPlay(units, [attempt("a", true), attempt("b", false)])?.id).toBe("b");
    expect(
      unitToPlay(
        units,
        units.map((u) => attempt(u.id, true)),
      )?.id,
    ).toBe("a");
  });

  it("plays the part asked for, and nothing for a part the package does not have", () => {
    expect(unitToPlay(units, [], "c")?.id).toBe("c");
    expect(unitToPlay(units, [], "z")).toBeNull();
  });
});

describe("attemptSummary", () => {
  it("is nothing before the first commit", () => {
    expect(attemptSummary(units, [])).toBeNull();
  });

  it("is the single SCO's own state when the package has one", () => {
    const view = attemptSummary([unit("a")], [attempt("a", true, { success: "passed", score: 0.7 })]);
    expect(view).toEqual({
      completion: "completed",
      success: "passed",
      score: 0.7,
      totalSeconds: 30,
      updatedAt: at.toISOString(),
    });
  });

  it("is completed only when every part is, failed as soon as one failed, with each part listed", () => {
    const some = [attempt("a", true, { success: "passed", score: 1 }), attempt("b", false)];
    expect(allFinished(units, some)).toBe(false);
    expect(attemptSummary(units, some)).toMatchObject({
      completion: "incomplete",
      success: "unknown",
      score: 1,
      totalSeconds: 60,
      units: [
        { id: "a", completion: "completed" },
        { id: "b", completion: "incomplete" },
        { id: "c", completion: "not attempted", score: null },
      ],
    });
    const failed = [...some, attempt("c", true, { success: "failed", score: 0.2 })];
    expect(attemptSummary(units, failed)).toMatchObject({ success: "failed", score: 0.6 });
  });
});
