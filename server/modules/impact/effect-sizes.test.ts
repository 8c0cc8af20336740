import { describe, expect, it } from "vitest";
import {
  dppc2,
  drm,
  dz,
  hedgesCorrection,
  hedgesG,
  logGamma,
  mean,
  pairedSummary,
  sd,
  smcr,
  standardise,
} from "./effect-sizes.ts";

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

type Study = (typeof treatment)[number];

/** Each study's estimate and its variance, to four decimals: how the metafor references are given. */
function expectEachStudy(
  estimate: (study: Study) => { value: number; variance: number },
  studies: Study[],
  expected: { values: number[]; variances: number[] },
) {
  studies.forEach((study, i) => {
    expect(estimate(study).value).toBeCloseTo(expected.values[i]!, 4);
    expect(estimate(study).variance).toBeCloseTo(expected.variances[i]!, 4);
  });
}

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
    expectEachStudy(dz, treatment, {
      values: [0.5417, 1.0198, 2.6619, 1.9088, 0.0765],
      variances: [0.0573, 0.0304, 0.5048, 0.2822, 0.0716],
    });
    expectEachStudy(dz, control, {
      values: [-0.2213, 0.1219, 0.0, 0.5575, -0.2126],
      variances: [0.0512, 0.024, 0.1111, 0.105, 0.073],
    });
  });

  // metafor, escalc(measure = "SMCR", m1i = m_post, m2i = m_pre, sd1i = sd_pre) on the same data
  // (tests/testthat/test_analysis_example_morris2008.r): d = c(n−1)·(M_post − M_pre)/SD_pre with
  // Var = 2(1−r)/n + d²/(2n) (Becker 1988). Study 1 by hand: 7.9/15 = 0.52667, c(19) = 0.96 → 0.5056;
  // Var = 2·0.53/20 + 0.5056²/40 = 0.0530 + 0.0064 = 0.0594.
  it("d_pre matches metafor's standardised mean change with raw-score (pretest SD) standardisation", () => {
    expectEachStudy(smcr, treatment, {
      values: [0.5056, 1.0481, 1.8054, 1.4181, 0.0801],
      variances: [0.0594, 0.0254, 0.2322, 0.1225, 0.0802],
    });
    expectEachStudy(smcr, control, {
      values: [-0.2365, 0.0958, 0.0, 0.2667, -0.425],
      variances: [0.0544, 0.0173, 0.0511, 0.0232, 0.0864],
    });
  });

  // By hand: pre 1..5, post = 2·pre + 1 = 3, 5, 7, 9, 11. M_pre = 3, M_post = 7, SD_pre = √2.5 = 1.5811,
  // r = 1. Raw d = 4/1.5811 = 2.5298; c(4) = Γ(2)/(√2·Γ(1.5)) = 1/(1.41421·0.88623) = 0.79788, so
  // d = 2.0185; Var = 2·(1−1)/5 + 2.0185²/10 = 0.40744.
  it("d_pre stays right when everyone doubled (r = 1, unequal spreads)", () => {
    const result = smcr(pairedSummary([1, 2, 3, 4, 5], [3, 5, 7, 9, 11]));
    expect(result.value).toBeCloseTo(2.0185, 4);
    expect(result.variance).toBeCloseTo(0.40744, 4);
    expect(result.ciLow).toBeCloseTo(0.7674, 4);
  });

  // Borenstein et al. (2009), ch. 4, matched groups: mean difference 5, SD of differences 10, r = 0.7,
  // n = 50 → d = 0.3873, V(d) = 0.0129.
  it("d_rm reproduces the textbook matched-groups example", () => {
    const result = drm(5, 10, 0.7, 50);
    expect(result.value).toBeCloseTo(0.3873, 4);
    expect(result.variance).toBeCloseTo(0.0129, 4);
  });

  it("d_rm carries Hedges' correction when given one", () => {
    const j = hedgesCorrection(49);
    expect(drm(5, 10, 0.7, 50, j).value).toBeCloseTo(0.3873 * j, 4);
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

  // Every learner in both groups changed by the same amount, so r = 1. Morris (2008, eq. 25) expands to
  // 2c²(1−ρ)S·k + (c²k − 1)·d², which is finite at ρ = 1; written as printed it divides by 1 − ρ.
  it("gives a finite interval when the pre-post correlation is 1", () => {
    const perfect = { meanPre: 10, meanPost: 13, sdPre: 2, sdPost: 2, n: 12, r: 1 };
    const result = dppc2(perfect, { ...perfect, meanPost: 11 });
    const cp = 1 - 3 / (4 * 22 - 1);
    expect(result.value).toBeCloseTo((cp * 2) / 2, 12);
    expect(result.variance).toBeCloseTo((cp ** 2 * (22 / 20) - 1) * result.value ** 2, 12);
    expect(Number.isFinite(result.ciLow) && Number.isFinite(result.ciHigh)).toBe(true);
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

describe("numerically safe summaries", () => {
  it("takes the mean and SD of values near the top of the double range without overflowing", () => {
    // A plain sum of 1e308 + 1.5e308 overflows to Infinity; the mean is 1.4e308.
    expect(mean([1e308, 1.5e308, 1.7e308]) / 1.4e308).toBeCloseTo(1, 12);
    // Mean 0, squared deviations 4·1e616, SD = 1e308·√(4/3).
    expect(sd([1e308, -1e308, 1e308, -1e308]) / 1e308).toBeCloseTo(Math.sqrt(4 / 3), 12);
  });

  it("keeps the digits of scores with a large common offset", () => {
    // 12 values of 1e14 + k: a plain sum passes 1.2e15, where doubles are 0.125 apart.
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 3, 7].map((k) => 1e14 + k + 0.3);
    expect(mean(xs) - 1e14).toBeCloseTo(65 / 12 + 0.3, 1);
    expect(sd(xs)).toBeCloseTo(2.874917653629668, 12);
  });

  it("maps all groups onto one common scale centred on the middle of their range", () => {
    const [a, b] = standardise([
      [1e14 + 1, 1e14 + 3],
      [1e14 + 5, 1e14 + 2],
    ]);
    // Range 1e14+1 … 1e14+5: middle 1e14+3, half range 2.
    expect(a).toEqual([-1, 0]);
    expect(b).toEqual([1, -0.5]);
  });
});
