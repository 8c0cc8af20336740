import { describe, expect, it } from "vitest";
import { dppc2, drm, dz, hedgesCorrection, hedgesG, logGamma, pairedSummary } from "./effect-sizes.ts";

// Carlson & Schmidt (1999) studies as used by Morris (2008) and in metafor's morris2008 example.
const treatment = [
  { meanPre: 30.6, meanPost: 38.5, sdPre: 15.0, sdPost: 11.6, n: 20, r: 0.47 },
  { meanPre: 23.5, meanPost: 26.8, sdPre: 3.1, sdPost: 4.1, n: 50, r: 0.64 },
  { meanPre: 0.5, meanPost: 0.7, sdPre: 0.1, sdPost: 0.1, n: 9, r: 0.77 },
  { meanPre: 53.4, meanPost: 75.9, sdPre: 14.5, sdPost: 4.4, n: 10, r: 0.89 },
  { meanPre: 35.6, meanPost: 36.0, sdPre: 4.7, sdPost: 4.6, n: 14, r: 0.44 },
];
const control = [
  { meanPre: 23.1, meanPost: 19.7, sdPre: 13.8, sdPost: 14.8, n: 20, r: 0.47 },
  { meanPre: 24.9, meanPost: 25.3, sdPre: 4.1, sdPost: 3.3, n: 42, r: 0.64 },
  { meanPre: 0.6, meanPost: 0.6, sdPre: 0.2, sdPost: 0.2, n: 9, r: 0.77 },
  { meanPre: 55.7, meanPost: 60.7, sdPre: 17.3, sdPost: 17.9, n: 11, r: 0.89 },
  { meanPre: 34.8, meanPost: 33.4, sdPre: 3.1, sdPost: 6.9, n: 14, r: 0.44 },
];

describe("helpers", () => {
  it("computes ln Γ accurately", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
  it("approaches the usual approximation of Hedges' correction", () => {
    expect(hedgesCorrection(19)).toBeCloseTo(1 - 3 / (4 * 19 - 1), 3);
  });
});

describe("independent groups: Hedges' g", () => {
  // Borenstein, Hedges, Higgins & Rothstein (2009), Introduction to Meta-Analysis, ch. 4:
  // means 103 vs 100, SDs 5.5 and 4.5, n = 50 each → d = 0.5970, V(d) = 0.0418, g = 0.5924, V(g) = 0.0411.
  it("reproduces the textbook worked example to four decimals", () => {
    const result = hedgesG({ mean: 103, sd: 5.5, n: 50 }, { mean: 100, sd: 4.5, n: 50 });
    expect(result.d).toBeCloseTo(0.597, 4);
    expect(result.varianceD).toBeCloseTo(0.0418, 4);
    expect(result.g.value).toBeCloseTo(0.5924, 4);
    expect(result.g.variance).toBeCloseTo(0.0411, 4);
  });
});

describe("single group pre-post", () => {
  // metafor, escalc(measure = "SMCC") on the morris2008 data (tests/testthat/test_analysis_example_morris2008.r).
  it("d_z matches metafor's standardised mean change (change-score standardisation)", () => {
    const expectedT = [0.5417, 1.0198, 2.6619, 1.9088, 0.0765];
    const expectedVarT = [0.0573, 0.0304, 0.5048, 0.2822, 0.0716];
    const expectedC = [-0.2213, 0.1219, 0.0, 0.5575, -0.2126];
    const expectedVarC = [0.0512, 0.024, 0.1111, 0.105, 0.073];
    treatment.forEach((study, i) => {
      expect(dz(study).value).toBeCloseTo(expectedT[i]!, 4);
      expect(dz(study).variance).toBeCloseTo(expectedVarT[i]!, 4);
    });
    control.forEach((study, i) => {
      expect(dz(study).value).toBeCloseTo(expectedC[i]!, 4);
      expect(dz(study).variance).toBeCloseTo(expectedVarC[i]!, 4);
    });
  });

  // Borenstein et al. (2009), ch. 4, matched groups: mean difference 5, SD of differences 10, r = 0.7,
  // n = 50 → d = 0.3873, V(d) = 0.0129.
  it("d_rm reproduces the textbook matched-groups example", () => {
    const result = drm(5, 10, 0.7, 50);
    expect(result.value).toBeCloseTo(0.3873, 4);
    expect(result.variance).toBeCloseTo(0.0129, 4);
  });
});

describe("pre-post with a comparison group: d_ppc2", () => {
  // Morris (2008), Table 1: d_ppc2 = 0.77, 0.80, 1.20, 1.05, 0.44 for the five studies.
  it("reproduces Morris (2008) Table 1", () => {
    const published = [0.77, 0.8, 1.2, 1.05, 0.44];
    treatment.forEach((study, i) => {
      expect(dppc2(study, control[i]!).value).toBeCloseTo(published[i]!, 2);
    });
  });

  it("has a confidence interval around the estimate that narrows with more people", () => {
    const small = dppc2(treatment[0]!, control[0]!);
    const large = dppc2({ ...treatment[0]!, n: 200 }, { ...control[0]!, n: 200 });
    expect(small.ciLow).toBeLessThan(small.value);
    expect(small.ciHigh).toBeGreaterThan(small.value);
    expect(large.ciHigh - large.ciLow).toBeLessThan(small.ciHigh - small.ciLow);
  });
});

describe("pairedSummary", () => {
  it("summarises raw paired scores, including the observed pre-post correlation", () => {
    const s = pairedSummary([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(s).toMatchObject({ meanPre: 3, meanPost: 6, n: 5 });
    expect(s.r).toBeCloseTo(1, 12);
    expect(s.sdPre).toBeCloseTo(Math.sqrt(2.5), 12);
  });
});
