import { describe, expect, it } from "vitest";
import { completeScanAnswers } from "../../../test-support/scan-answers.ts";
import { computeResults, type GroupFigures, type ResponseRow } from "./results.ts";
import { phasesOfChange } from "../../../common/culture-scan/model.ts";

function response(teamId: string | null, phase: string, score: number, comment = ""): ResponseRow {
  return { teamId, answers: completeScanAnswers(score, comment), phase };
}

/** `count` answers alike: from `teamId` (null: none), in `phase`, every question scored `score`. */
const responses = (count: number, teamId: string | null, phase: string, score: number, comment = "") =>
  Array.from({ length: count }, () => response(teamId, phase, score, comment));

const teams = [
  { id: "t-service", name: "Service" },
  { id: "t-montage", name: "Montage" },
  { id: "t-kantoor", name: "Kantoor" },
];

/** The results of a scan among `teams` (unless `extra` says otherwise) with a threshold of 5. */
const resultsOf = (
  rows: ResponseRow[],
  invited: number,
  extra: Partial<Parameters<typeof computeResults>[0]> = {},
) => computeResults({ responses: rows, teams, invited, threshold: 5, otherLabel: "Other", ...extra });

describe("computeResults", () => {
  it("shows figures for large teams and none for a team under the threshold", () => {
    const rows = [
      ...responses(9, "t-service", "acting", 4),
      ...responses(6, "t-montage", "applying", 3),
      ...responses(5, "t-planning", "selecting", 3),
      ...responses(3, "t-kantoor", "unaware", 2, "Meer tijd"),
    ];
    const allTeams = [...teams, { id: "t-planning", name: "Planning" }];
    const results = resultsOf(rows, 40, { teams: allTeams });
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
    const rows = [...responses(9, "t-service", "acting", 4), ...responses(3, "t-kantoor", "unaware", 2)];
    const results = resultsOf(rows, 12);
    expect(results.groups.filter((g) => g.teamId && g.figures)).toEqual([]);
    expect(results.overall?.layers.manager).toBe(3.5);
    // 9 acting of 12 would leave the 3 others as a small phase of their own: neither count is shown.
    expect(results.overall?.phases).toMatchObject({ acting: null, unaware: null, selecting: 0 });
  });

  it("does not let the total minus the shown teams reveal a small team", () => {
    const rows = [
      ...responses(9, "t-service", "acting", 4),
      ...responses(8, "t-montage", "applying", 3),
      ...responses(3, "t-kantoor", "unaware", 1),
    ];
    const results = resultsOf(rows, 25);
    const shown = results.groups
      .filter((g) => g.figures && g.teamId)
      .reduce((sum, g) => sum + g.responses, 0);
    expect(results.responses - shown).toBeGreaterThanOrEqual(5);
    expect(results.groups.find((g) => g.team === "Montage")?.figures).toBeNull();
    expect(results.groups.find((g) => g.team === "Other")?.figures).not.toBeNull();
  });

  it("fills heatmap cells only for phases with enough people, and feeds the recommendations", () => {
    const rows = [
      ...responses(6, "t-service", "applying", 2),
      ...responses(5, "t-service", "acting", 4),
      ...responses(2, "t-service", "unaware", 5),
    ];
    const results = resultsOf(rows, 13);
    expect(results.heatmap.manager.applying).toBe(2);
    // Acting would leave unaware's 2 as the overall minus the shown cells, so it stays hidden with them.
    expect(results.heatmap.manager.acting).toBeNull();
    expect(results.heatmap.manager.unaware).toBeNull();
    expect(results.overall?.phases).toMatchObject({ applying: 6, acting: null, unaware: null });
    expect(results.recommendations[0]).toMatchObject({ phase: "applying" });
  });

  it("shows comments only above the threshold, sorted so their order reveals nobody", () => {
    const few = resultsOf(
      [response("t-service", "acting", 3, "b"), response("t-service", "acting", 3, "a")],
      2,
    );
    expect(few.comments).toEqual([]);
    expect(few.overall).toBeNull();
    const many = resultsOf(
      Array.from({ length: 5 }, (_, i) => response("t-service", "acting", 3, `c${5 - i}`)),
      5,
    );
    expect(many.comments).toEqual(["c1", "c2", "c3", "c4", "c5"]);
  });

  it("never shows a figure that padding through the shared link lifted: 5 x mean - 12 reveals nothing", () => {
    const real = response("t-kantoor", "unaware", 1, "Mijn chef luistert niet");
    const padding = Array.from({ length: 4 }, () => ({
      ...response(null, "acting", 4),
      viaSharedLink: true,
    }));
    const results = resultsOf([real, ...padding, ...responses(9, "t-service", "acting", 3)], 12);
    expect(results.groups.find((g) => g.team === "Kantoor")!.figures).toBeNull();
    expect(results.groups.find((g) => g.team === "Service")!.figures).toBeNull();
    expect(results).toMatchObject({ responses: 14, sharedLinkResponses: 4, responseRate: 83.3 });
  });

  it("shows no figure at all while the scan is open", () => {
    const results = resultsOf(responses(12, "t-service", "acting", 3, "x"), 12, { final: false });
    expect(results).toMatchObject({ heldUntilClose: true, overall: null, comments: [], recommendations: [] });
    expect(results.groups.every((g) => g.figures === null)).toBe(true);
    expect(Object.values(results.heatmap).flatMap((row) => Object.values(row))).toEqual(
      Array.from({ length: 30 }, () => null),
    );
  });

  it("keeps every shown figure at the threshold of tied answers for random organisations and orders", () => {
    for (let seed = 1; seed < 400; seed++) {
      let state = seed;
      const random = (n: number) => {
        state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
        return Math.floor((state / 2_147_483_648) * n);
      };
      const threshold = 3 + random(4);
      const rows: ResponseRow[] = [];
      const teamCount = 1 + random(3);
      for (let team = 0; team < teamCount; team++)
        for (let i = random(14); i > 0; i--)
          rows.push(response(teams[team]!.id, phasesOfChange[random(5)]!, 1 + random(5), `c${random(3)}`));
      for (let i = random(8); i > 0; i--)
        rows.push({
          ...response(random(2) ? teams[0]!.id : null, phasesOfChange[random(5)]!, 1 + random(5)),
          viaSharedLink: true,
        });
      const input = { teams, invited: rows.length, threshold, otherLabel: "Other" };
      const results = computeResults({ ...input, responses: rows });
      const label = `seed ${seed}`;
      // Any order of answers gives the same results.
      const shuffled = [...rows].sort(() => random(3) - 1);
      expect(computeResults({ ...input, responses: shuffled }), label).toEqual(results);

      const tied = (subset: ResponseRow[]) => subset.filter((r) => !r.viaSharedLink);
      const checkFigures = (figures: GroupFigures | null, members: ResponseRow[]) => {
        if (!figures) return;
        expect(tied(members).length, label).toBeGreaterThanOrEqual(threshold);
        const hidden = members.filter((r) => figures.phases[r.phase as "acting"] === null);
        for (const phase of phasesOfChange) {
          const inPhase = members.filter((r) => r.phase === phase);
          const count = figures.phases[phase];
          if (count !== null && count > 0)
            expect(tied(inPhase).length, label).toBeGreaterThanOrEqual(threshold);
        }
        // The hidden phases together: nobody, or at least the threshold of tied answers.
        if (hidden.length > 0) expect(tied(hidden).length, label).toBeGreaterThanOrEqual(threshold);
      };
      for (const group of results.groups.filter((g) => g.teamId))
        checkFigures(
          group.figures,
          tied(rows).filter((r) => r.teamId === group.teamId),
        );
      checkFigures(results.overall, rows);
      expect(results.overall !== null, label).toBe(tied(rows).length >= threshold);
      // A heatmap cell needs its phase's count to be shown.
      for (const row of Object.values(results.heatmap))
        for (const [phase, score] of Object.entries(row))
          if (score !== null) expect(results.overall?.phases[phase as "acting"], label).not.toBeNull();
      // Total minus the shown teams: nobody, or at least the threshold of tied answers.
      if (results.overall) {
        const shown = new Set(results.groups.filter((g) => g.teamId && g.figures).map((g) => g.teamId));
        const rest = rows.filter((r) => r.viaSharedLink || !shown.has(r.teamId));
        if (rest.length > 0) expect(tied(rest).length, label).toBeGreaterThanOrEqual(threshold);
      }
    }
  });
});
