import { describe, expect, it } from "vitest";
import { type EffectSizeBody, effectSizeResult } from "../../../common/schemas/impact.ts";
import { calculateEffectSize, estimateEffectSize } from "./effect-size-calculator.ts";
import { hedgesCorrection } from "./effect-sizes.ts";

// The scores from issue 13: every learner gained 2 points, or doubled plus one.
const pre = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 3, 7];
const plusTwo = pre.map((x) => x + 2);
const doubled = pre.map((x) => 2 * x + 1);
// M_pre = 65/12, Σx² = 443, SS = 443 − 65²/12 = 90.9167, SD_pre = √(90.9167/11) = 2.874918.
const SD_PRE = 2.874917653629668;
const J11 = hedgesCorrection(11); // 0.92996 (≈ 1 − 3/43 = 0.93023)

const metrics = (body: EffectSizeBody) => estimateEffectSize(body).estimates.map((e) => e.metric);
const valueOf = (body: EffectSizeBody, metric: string) =>
  estimateEffectSize(body).estimates.find((e) => e.metric === metric)?.estimate.value;

function expectWellFormed(body: EffectSizeBody, locale: "en" | "nl" = "en") {
  const result = calculateEffectSize(body, locale);
  // What the route's response schema would refuse (NaN, Infinity) is a 500 on the wire.
  expect(() => effectSizeResult.parse(result)).not.toThrow();
  for (const e of result.estimates) {
    expect([e.value, e.ciLow, e.ciHigh].every(Number.isFinite)).toBe(true);
  }
  return result;
}

describe("pre-post: the headline is d_pre, the change in pretest standard deviations", () => {
  it("puts d_pre first and names it the headline", () => {
    const body = { design: "pre-post", pre, post: doubled } as const;
    const result = expectWellFormed(body);
    expect(result.headline).toBe("d_pre");
    expect(result.estimates[0]!.metric).toBe("d_pre");
  });

  // Everyone gained 2: d_pre = J(11)·2/SD_pre = 0.92996·0.695672 = 0.64695; Var = 0 + d²/24 = 0.017439.
  it("answers with d_pre and a note when every learner gained the same (r = 1)", () => {
    const body = { design: "pre-post", pre, post: plusTwo } as const;
    const result = expectWellFormed(body);
    expect(result.estimates.map((e) => e.metric)).toEqual(["d_pre"]);
    expect(result.estimates[0]!.value).toBeCloseTo(0.647, 3);
    expect(valueOf(body, "d_pre")).toBeCloseTo((J11 * 2) / SD_PRE, 12);
    expect(estimateEffectSize(body).estimates[0]!.estimate.variance).toBeCloseTo(0.017439, 6);
    expect(result.notes.join(" ")).toMatch(/same amount/);
    expect(expectWellFormed(body, "nl").notes.join(" ")).toMatch(/evenveel/);
  });

  // Everyone doubled plus one: change = M_pre + 1 = 77/12; d_pre = J(11)·(77/12)/SD_pre = 2.0756.
  // d_z = 2.076 as before; d_rm would say 0 with interval [0, 0], so it is left out with a note.
  it("does not say 'no change' when everyone doubled", () => {
    const body = { design: "pre-post", pre, post: doubled } as const;
    expect(valueOf(body, "d_pre")).toBeCloseTo((J11 * 77) / 12 / SD_PRE, 12);
    expect(valueOf(body, "d_z")).toBeCloseTo(2.076, 3);
    expect(metrics(body)).not.toContain("d_rm");
    const result = expectWellFormed(body);
    expect(result.estimates.every((e) => e.value > 1)).toBe(true);
    expect(result.notes.join(" ")).toMatch(/d_rm.*equal spread/);
  });

  it("says that every figure is corrected for small samples (Hedges' J), in the response and the notes", () => {
    for (const body of [
      { design: "pre-post", pre, post: plusTwo.map((x, i) => x + (i % 3)) },
      { design: "independent", groupA: plusTwo, groupB: pre },
      { design: "pre-post-control", treatment: { pre, post: doubled }, control: { pre, post: plusTwo } },
    ] as const) {
      const result = expectWellFormed(body);
      expect(result.estimates.length).toBeGreaterThan(0);
      expect(result.estimates.every((e) => e.corrected)).toBe(true);
      expect(result.notes.join(" ")).toMatch(/Hedges' J/);
      expect(expectWellFormed(body, "nl").notes.join(" ")).toMatch(/Hedges' J/);
    }
  });

  it("warns that d_rm assumes equal spreads when the spread changed clearly", () => {
    const post = pre.map((x, i) => 3 * x + (i % 2));
    const result = expectWellFormed({ design: "pre-post", pre, post });
    expect(result.estimates.map((e) => e.metric)).toEqual(["d_pre", "d_z", "d_rm"]);
    expect(result.notes.join(" ")).toMatch(/d_rm assumes/);
  });
});

describe("pre-post with a comparison group", () => {
  it("answers with d_ppc2 and a note when everyone in both groups changed by the same amount", () => {
    const body = {
      design: "pre-post-control",
      treatment: { pre, post: plusTwo },
      control: { pre, post: pre.map((x) => x + 1) },
    } as const;
    const result = expectWellFormed(body);
    // Change 2 − 1 = 1 in pooled pretest SDs (both groups the same, so SD_pre), times c_P = 1 − 3/87.
    expect(valueOf(body, "d_ppc2")).toBeCloseTo((1 - 3 / 87) / SD_PRE, 12);
    expect(result.notes.join(" ")).toMatch(/r = 1/);
  });
});

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const integers = (next: () => number, n: number, low: number, high: number) =>
  Array.from({ length: n }, () => low + Math.floor(next() * (high - low + 1)));

function sampleBodies(seed: number): EffectSizeBody[] {
  const next = random(seed);
  const n = 5 + Math.floor(next() * 20);
  const before = integers(next, n, 20, 80);
  const after = before.map((x, i) => x + integers(next, n, -5, 15)[i]!);
  const control = integers(next, n, 20, 80);
  return [
    { design: "pre-post", pre: before, post: after },
    { design: "independent", groupA: after, groupB: control },
    {
      design: "pre-post-control",
      treatment: { pre: before, post: after },
      control: { pre: control, post: control.map((x, i) => x + (i % 4) - 1) },
    },
  ];
}

function transform(body: EffectSizeBody, f: (x: number) => number): EffectSizeBody {
  const map = (xs: number[]) => xs.map(f);
  if (body.design === "independent") return { ...body, groupA: map(body.groupA), groupB: map(body.groupB) };
  if (body.design === "pre-post") return { ...body, pre: map(body.pre), post: map(body.post) };
  return {
    design: body.design,
    treatment: { pre: map(body.treatment.pre), post: map(body.treatment.post) },
    control: { pre: map(body.control.pre), post: map(body.control.post) },
  };
}

function expectSameEstimates(a: EffectSizeBody, b: EffectSizeBody) {
  const left = estimateEffectSize(a).estimates;
  const right = estimateEffectSize(b).estimates;
  expect(right.map((e) => e.metric)).toEqual(left.map((e) => e.metric));
  left.forEach((e, i) => {
    const other = right[i]!.estimate;
    expect(other.value).toBeCloseTo(e.estimate.value, 9);
    expect(other.ciLow).toBeCloseTo(e.estimate.ciLow, 9);
    expect(other.ciHigh).toBeCloseTo(e.estimate.ciHigh, 9);
  });
}

describe("properties: a standardised effect does not depend on the unit or the zero point of the scores", () => {
  // Integer scores stay exact after these shifts and (up to one rounding) after these scalings.
  it("is unchanged when every score is multiplied by a positive constant, however large or small", () => {
    for (let seed = 1; seed <= 25; seed++) {
      for (const body of sampleBodies(seed)) {
        for (const k of [1e-150, 0.001, 7.5, 1e6, 1e154, 1e300]) {
          expectSameEstimates(
            body,
            transform(body, (x) => x * k),
          );
        }
      }
    }
  });

  it("is unchanged when a constant is added to every score, including offsets of 1e14", () => {
    for (let seed = 1; seed <= 25; seed++) {
      for (const body of sampleBodies(seed)) {
        for (const c of [-1000, 0.5, 1e9, 1e14]) {
          expectSameEstimates(
            body,
            transform(body, (x) => x + c),
          );
        }
      }
    }
  });

  it("gives huge scores on both sides of zero the same d as the scaled-down data", () => {
    const body: EffectSizeBody = { design: "pre-post", pre, post: pre.map((x, i) => x + 1 + (i % 3)) };
    expectSameEstimates(
      body,
      transform(body, (x) => (x - 6) * 1.5e307),
    );
  });
});
