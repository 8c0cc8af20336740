import { describe, expect, it } from "vitest";
import { contentLocales } from "../../../common/content/content.ts";
import { interventionTexts } from "../../../common/content/interventions.ts";
import { layers, phasesOfChange, preconditions } from "../../../common/culture-scan/model.ts";
import { interventionCatalogue } from "./interventions.ts";
import { type Heatmap, recommend } from "./recommend.ts";

const flat = (score: number): Heatmap =>
  Object.fromEntries(
    layers.map((layer) => [layer, Object.fromEntries(phasesOfChange.map((p) => [p, score]))]),
  ) as Heatmap;

describe("intervention catalogue", () => {
  it("covers every layer and every phase, with a name and reason in every language", () => {
    for (const layer of layers)
      expect(
        interventionCatalogue.some((x) => x.layer === layer),
        layer,
      ).toBe(true);
    for (const phase of phasesOfChange)
      expect(
        interventionCatalogue.some((x) => x.phases.includes(phase)),
        phase,
      ).toBe(true);
    for (const locale of contentLocales) {
      const { interventions, preconditionActions } = interventionTexts(locale);
      expect(Object.keys(interventions).sort(), locale).toEqual(
        interventionCatalogue.map((x) => x.id).sort(),
      );
      expect(Object.keys(preconditionActions).sort(), locale).toEqual([...preconditions].sort());
    }
  });
});

describe("recommend", () => {
  it("proposes nothing when support and preconditions are strong", () => {
    expect(recommend(flat(4), { acting: 10 }, { engagement: 4 })).toEqual([]);
  });

  it("targets the weakest cell where most people are", () => {
    const heatmap = flat(4);
    heatmap.manager.applying = 2.1;
    heatmap.colleagues.unaware = 1.5;
    const result = recommend(heatmap, { applying: 20, unaware: 2 }, {});
    expect(result[0]).toMatchObject({
      kind: "intervention",
      layer: "manager",
      phase: "applying",
      id: "safeguard-transfer",
    });
  });

  it("never uses a suppressed cell and adds unmet preconditions, weakest first", () => {
    const heatmap = flat(4);
    heatmap.hr.selecting = null;
    const result = recommend(
      heatmap,
      { selecting: 30 },
      { readiness: 2.8, safetyAndWorkload: 2.1, engagement: 3.5 },
    );
    expect(result.map((r) => r.id)).toEqual(["safetyAndWorkload", "readiness"]);
  });

  it("keeps the list short", () => {
    const result = recommend(
      flat(1.5),
      { unaware: 5, selecting: 5, acting: 5, applying: 5, continuous: 5 },
      {},
    );
    expect(result).toHaveLength(3);
    expect(new Set(result.map((r) => r.id)).size).toBe(3);
  });
});
