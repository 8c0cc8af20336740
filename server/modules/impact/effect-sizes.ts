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
 * Single group, pretest-SD standardisation (Becker 1988; metafor's SMCR; Morris & DeShon 2002):
 * d_pre = c(n−1) · (M_post − M_pre) / SD_pre, with Var = 2(1−r)/n + d_pre²/(2n). The headline for a
 * one-group pre/post design (docs/decisions/0009-effect-size-for-pre-post.md): it needs no assumption
 * about the spread after the training and stays defined when r = 1.
 */
export function smcr(s: PairedSummary): Estimate {
  const value = (hedgesCorrection(s.n - 1) * (s.meanPost - s.meanPre)) / s.sdPre;
  return withCi(value, (2 * (1 - s.r)) / s.n + value ** 2 / (2 * s.n));
}

/**
 * Single group, change-score standardisation: d_z = c(n−1) · M_diff / SD_diff, the small-sample
 * corrected standardised mean change (metafor's SMCC), with Var = 1/n + d_z²/(2n). Undefined when
 * everyone changed by the same amount (SD_diff = 0).
 */
export function dz(s: PairedSummary): Estimate {
  const sdDiff = Math.sqrt(s.sdPre ** 2 + s.sdPost ** 2 - 2 * s.r * s.sdPre * s.sdPost);
  return dzFromChanges(s.meanPost - s.meanPre, sdDiff, s.n);
}

/** d_z from the mean and SD of the individual changes, which avoids cancellation when r is near 1. */
export function dzFromChanges(meanDiff: number, sdDiff: number, n: number): Estimate {
  const value = (hedgesCorrection(n - 1) * meanDiff) / sdDiff;
  return withCi(value, 1 / n + value ** 2 / (2 * n));
}

/**
 * Single group, raw-score metric (Morris & DeShon 2002): d_rm = d_z · √(2(1−r)), on the same scale as
 * a between-groups d only when the spread before and after is equal: with post = 2·pre + 1 (r = 1) it
 * says 0 while everyone doubled. Var = (1/n + d_rm²/(2n)) · 2(1−r). Pass Hedges' c(n−1) as
 * `correction` for the corrected value; without it, uncorrected as in Borenstein et al. (2009).
 */
export function drm(meanDiff: number, sdDiff: number, r: number, n: number, correction = 1): Estimate {
  const value = ((correction * meanDiff) / sdDiff) * Math.sqrt(2 * (1 - r));
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
  const k = (nT + nC - 2) / (nT + nC - 4);
  // Eq. 25 is 2c²(1−ρ)·S·k·(1 + d²/(2(1−ρ)S)) − d²; multiplied out it no longer divides by 1 − ρ,
  // so it stays finite when everyone changed by the same amount (ρ = 1).
  const variance = 2 * cp ** 2 * (1 - rho) * scale * k + (cp ** 2 * k - 1) * value ** 2;
  return withCi(value, variance);
}

/* Raw scores to summaries. */

/**
 * Below this share of the scores' half range, a spread is rounding noise, not data: the changes of
 * 0.1 + 0.3 and 0.7 + 0.3 differ by 1e-16 and must not make d_z 1e16.
 */
export const NEGLIGIBLE = 1e-12;

/** The middle of the values' range and half the range, computed so neither overflows. */
function centreAndScale(xs: number[]): { centre: number; scale: number } {
  let low = Infinity;
  let high = -Infinity;
  for (const x of xs) {
    if (x < low) low = x;
    if (x > high) high = x;
  }
  return { centre: low / 2 + high / 2, scale: high / 2 - low / 2 };
}

/**
 * All groups on one common scale: minus the middle of their joint range, divided by half that range,
 * so every value lies in [−1, 1]. Standardised effects do not change under one common shift and
 * positive scaling, and sums of values in [−1, 1] neither overflow (scores × 1e154) nor lose the
 * digits that tell scores apart (offsets of 1e14).
 */
export function standardise(groups: number[][]): number[][] {
  const { centre, scale } = centreAndScale(groups.flat());
  return groups.map((xs) => xs.map((x) => (scale === 0 ? 0 : (x - centre) / scale)));
}

/** Two-pass mean of values already in [−1, 1]: the second pass removes the first pass's rounding. */
function centredMean(xs: number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  const first = sum / xs.length;
  let correction = 0;
  for (const x of xs) correction += x - first;
  return first + correction / xs.length;
}

export function mean(xs: number[]): number {
  const { centre, scale } = centreAndScale(xs);
  if (scale === 0) return centre;
  return centre + scale * centredMean(xs.map((x) => (x - centre) / scale));
}

export function sd(xs: number[]): number {
  const { centre, scale } = centreAndScale(xs);
  if (scale === 0) return 0;
  const ys = xs.map((x) => (x - centre) / scale);
  const m = centredMean(ys);
  return scale * Math.sqrt(ys.reduce((sum, y) => sum + (y - m) ** 2, 0) / (ys.length - 1));
}

/** For values on the common scale of `standardise`: true when their range is rounding noise. */
export function hasNoSpread(xs: number[]): boolean {
  return centreAndScale(xs).scale * 2 <= NEGLIGIBLE;
}

export function correlation(rawXs: number[], rawYs: number[]): number {
  // r does not change under a shift and positive scaling of either variable; on [−1, 1] nothing overflows.
  const [xs, ys] = [standardise([rawXs])[0]!, standardise([rawYs])[0]!];
  const mx = centredMean(xs);
  const my = centredMean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  // Rounding can put a perfect correlation a hair outside [−1, 1].
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
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
