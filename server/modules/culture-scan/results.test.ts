import { describe, expect, it } from "vitest";
import { completeScanAnswers } from "../../../test-support/scan-answers.ts";
import { computeResults, type ResponseRow } from "./results.ts";

function response(teamId: string | null, phase: string, score: number, comment = ""): ResponseRow {
  return { teamId, answers: completeScanAnswers(score, comment), phase };
}

const teams = [
  { id: "t-service", name: "Service" },
  { id: "t-montage", name: "Montage" },
  { id: "t-kantoor", name: "Kantoor" },
];

describe("computeResults", () => {
  it("shows figures for large teams and none for a team under the threshold", () => {
    const rows = [
      ...Array.from({ length: 9 }, () => response("t-service", "acting", 4)),
      ...Array.from({ length: 6 }, () => response("t-montage", "applying", 3)),
      ...Array.from({ length: 5 }, () => response("t-planning", "selecting", 3)),
      ...Array.from({ length: 3 }, () => response("t-kantoor", "unaware", 2, "Meer tijd")),
    ];
    const allTeams = [...teams, { id: "t-planning", name: "Planning" }];
    const results = computeResults({
      responses: rows,
      teams: allTeams,
      invited: 40,
      threshold: 5,
      otherLabel: "Other",
    });
    expect(results.groups.find((g) => g.team === "Service")!.figures?.phases.acting).toBe(9);
    expect(results.groups.find((g) => g.team === "Kantoor")).toMatchObject({
      responses: 3,
      figures: null,
      merged: true,
    });
    // Kantoor alone would be too small for "other", so the smallest shown team (Planning) joins it.
    expect(results.groups.find((g) => g.team === "Planning")).toMatchObject({ figures: null, merged: true });
    expect(results.groups.find((g) => g.team === "Other")).toMatchObject({ responses: 8 });
    expect(results.groups.find((g) => g.team === "Other")!.figures).not.toBeNull();
    expect(results.responseRate).toBe(57.5);
  });

  it("hides the only large team too when showing it would reveal a small one", () => {
    const rows = [
      ...Array.from({ length: 9 }, () => response("t-service", "acting", 4)),
      ...Array.from({ length: 3 }, () => response("t-kantoor", "unaware", 2)),
    ];
    const results = computeResults({
      responses: rows,
      teams,
      invited: 12,
      threshold: 5,
      otherLabel: "Other",
    });
    expect(results.groups.filter((g) => g.teamId && g.figures)).toEqual([]);
    expect(results.overall?.layers.manager).toBe(3.5);
    // 9 acting of 12 would leave the 3 others as a small phase of their own: neither count is shown.
    expect(results.overall?.phases).toMatchObject({ acting: null, unaware: null, selecting: 0 });
  });

  it("does not let the total minus the shown teams reveal a small team", () => {
    const rows = [
      ...Array.from({ length: 9 }, () => response("t-service", "acting", 4)),
      ...Array.from({ length: 8 }, () => response("t-montage", "applying", 3)),
      ...Array.from({ length: 3 }, () => response("t-kantoor", "unaware", 1)),
    ];
    const results = computeResults({
      responses: rows,
      teams,
      invited: 25,
      threshold: 5,
      otherLabel: "Other",
    });
    const shown = results.groups
      .filter((g) => g.figures && g.teamId)
      .reduce((sum, g) => sum + g.responses, 0);
    expect(results.responses - shown).toBeGreaterThanOrEqual(5);
    expect(results.groups.find((g) => g.team === "Montage")?.figures).toBeNull();
    expect(results.groups.find((g) => g.team === "Other")?.figures).not.toBeNull();
  });

  it("fills heatmap cells only for phases with enough people, and feeds the recommendations", () => {
    const rows = [
      ...Array.from({ length: 6 }, () => response("t-service", "applying", 2)),
      ...Array.from({ length: 5 }, () => response("t-service", "acting", 4)),
      ...Array.from({ length: 2 }, () => response("t-service", "unaware", 5)),
    ];
    const results = computeResults({
      responses: rows,
      teams,
      invited: 13,
      threshold: 5,
      otherLabel: "Other",
    });
    expect(results.heatmap.manager.applying).toBe(2);
    // Acting would leave unaware's 2 as the overall minus the shown cells, so it stays hidden with them.
    expect(results.heatmap.manager.acting).toBeNull();
    expect(results.heatmap.manager.unaware).toBeNull();
    expect(results.overall?.phases).toMatchObject({ applying: 6, acting: null, unaware: null });
    expect(results.recommendations[0]).toMatchObject({ phase: "applying" });
  });

  it("shows comments only above the threshold, sorted so their order reveals nobody", () => {
    const few = computeResults({
      responses: [response("t-service", "acting", 3, "b"), response("t-service", "acting", 3, "a")],
      teams,
      invited: 2,
      threshold: 5,
      otherLabel: "Other",
    });
    expect(few.comments).toEqual([]);
    expect(few.overall).toBeNull();
    const many = computeResults({
      responses: Array.from({ length: 5 }, (_, i) => response("t-service", "acting", 3, `c${5 - i}`)),
      teams,
      invited: 5,
      threshold: 5,
      otherLabel: "Other",
    });
    expect(many.comments).toEqual(["c1", "c2", "c3", "c4", "c5"]);
  });
});
