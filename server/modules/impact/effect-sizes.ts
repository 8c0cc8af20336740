/**
 * Effect sizes for training evaluation, as pure functions (shared/research/evidence.md §3.3).
 * Summary-level functions carry the formulas; `fromScores` functions turn raw scores into summaries.
 */

export interface Estimate {
  value: number;
  variance: number;
  ciLow: number;
  ciHigh: number;
}

const Z_95 = 1.959963984540054;

function withCi(value: number, variance: number): Estimate {
  const half = Z_95 * Math.sqrt(variance);
  return { value, variance, ciLow: value - half, ciHigh: value + half };
}

/** ln Γ(x) by the Lanczos approximation (g = 7, n = 9); accurate to about 15 digits for x > 0. */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Hedges' exact small-sample correction c(m) = Γ(m/2) / (√(m/2) Γ((m−1)/2)). */
export function hedgesCorrection(df: number): number {
  return Math.exp(logGamma(df / 2) - logGamma((df - 1) / 2)) / Math.sqrt(df / 2);
}

/** Independent groups: Hedges' g of A over B (Hedges & Olkin 1985; Borenstein et al. 2009, ch. 4). */
export function hedgesG(
  a: { mean: number; sd: number; n: number },
  b: { mean: number; sd: number; n: number },
) {
  const df = a.n + b.n - 2;
  const pooled = Math.sqrt(((a.n - 1) * a.sd ** 2 + (b.n - 1) * b.sd ** 2) / df);
  const d = (a.mean - b.mean) / pooled;
  const varianceD = (a.n + b.n) / (a.n * b.n) + d ** 2 / (2 * (a.n + b.n));
  const j = 1 - 3 / (4 * df - 1);
  return { d, varianceD, g: withCi(j * d, j ** 2 * varianceD) };
}

export interface PairedSummary {
  meanPre: number;
  meanPost: number;
  sdPre: number;
  sdPost: number;
  n: number;
  /** The observed correlation between pre and post scores. */
  r: number;
}

/**
 * Single group, change-score standardisation: d_z = c(n−1) · M_diff / SD_diff, the small-sample
 * corrected standardised mean change (metafor's SMCC), with Var = 1/n + d_z²/(2n).
 */
export function dz(s: PairedSummary): Estimate {
  const sdDiff = Math.sqrt(s.sdPre ** 2 + s.sdPost ** 2 - 2 * s.r * s.sdPre * s.sdPost);
  const value = (hedgesCorrection(s.n - 1) * (s.meanPost - s.meanPre)) / sdDiff;
  return withCi(value, 1 / s.n + value ** 2 / (2 * s.n));
}

/**
 * Single group, raw-score metric (Morris & DeShon 2002): d_rm = d_z · √(2(1−r)), on the same scale as
 * a between-groups d; Var = (1/n + d_rm²/(2n)) · 2(1−r). Uncorrected, as in Borenstein et al. (2009).
 */
export function drm(meanDiff: number, sdDiff: number, r: number, n: number): Estimate {
  const value = (meanDiff / sdDiff) * Math.sqrt(2 * (1 - r));
  return withCi(value, (1 / n + value ** 2 / (2 * n)) * 2 * (1 - r));
}

/**
 * Pre-post with a comparison group (Morris 2008, d_ppc2): the difference in mean change, divided by the
 * pooled pretest SD, with c_P = 1 − 3/(4(n_T+n_C−2)−1). Variance from Morris (2008, eq. 25), with ρ the
 * pooled pre-post correlation.
 */
export function dppc2(treatment: PairedSummary, control: PairedSummary): Estimate {
  const nT = treatment.n;
  const nC = control.n;
  const sdPre = Math.sqrt(((nT - 1) * treatment.sdPre ** 2 + (nC - 1) * control.sdPre ** 2) / (nT + nC - 2));
  const cp = 1 - 3 / (4 * (nT + nC - 2) - 1);
  const change = treatment.meanPost - treatment.meanPre - (control.meanPost - control.meanPre);
  const value = (cp * change) / sdPre;
  const rho = ((nT - 1) * treatment.r + (nC - 1) * control.r) / (nT + nC - 2);
  const scale = (nT + nC) / (nT * nC);
  const variance =
    2 *
      cp ** 2 *
      (1 - rho) *
      scale *
      ((nT + nC - 2) / (nT + nC - 4)) *
      (1 + value ** 2 / (2 * (1 - rho) * scale)) -
    value ** 2;
  return withCi(value, variance);
}

/* Raw scores to summaries. */

export const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export function sd(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((sum, x) => sum + (x - m) ** 2, 0) / (xs.length - 1));
}

export function correlation(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

export function pairedSummary(pre: number[], post: number[]): PairedSummary {
  return {
    meanPre: mean(pre),
    meanPost: mean(post),
    sdPre: sd(pre),
    sdPost: sd(post),
    n: pre.length,
    r: correlation(pre, post),
  };
}
