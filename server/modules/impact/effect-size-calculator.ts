import type { Locale } from "../../../common/locales.ts";
import type { EffectSizeBody, EffectSizeMetric, EffectSizeResult } from "../../../common/schemas/impact.ts";
import { AppError } from "../../errors.ts";
import { translator } from "../../i18n.ts";
import {
  dppc2,
  drm,
  dzFromChanges,
  type Estimate,
  hasNoSpread,
  hedgesCorrection,
  hedgesG,
  mean,
  pairedSummary,
  sd,
  smcr,
  standardise,
} from "./effect-sizes.ts";

/** Below this many people per group an effect size says more about chance than about the training. */
export const MIN_PER_GROUP = 5;
/** Below this many in total the interval is wide enough to say so. */
const SMALL_TOTAL = 30;
/** r this close to 1 means the pre and post scores lie on a line; d_rm then reads 0 whatever changed. */
const PERFECT_R = 1 - 1e-9;
/** Spreads that differ by more than this factor break d_rm's assumption of equal spreads. */
const UNEQUAL_SPREAD = 1.5;

interface Note {
  key: string;
  params?: Record<string, number>;
}

/** The estimates before rounding and translation: what the property tests compare. */
export interface EffectSizeEstimates {
  design: EffectSizeBody["design"];
  n: number;
  headline: EffectSizeMetric | null;
  estimates: { metric: EffectSizeMetric; estimate: Estimate; corrected: boolean }[];
  notes: Note[];
}

/** Three decimals; a value too large to multiply by 1000 has no decimals to lose. */
const round = (x: number) => (Math.abs(x) < 1e15 ? Math.round(x * 1000) / 1000 : x);
const isFinite = (e: Estimate) => [e.value, e.variance, e.ciLow, e.ciHigh].every(Number.isFinite);

function assertPaired(pre: number[], post: number[], field: string): void {
  if (pre.length !== post.length) {
    throw new AppError("VALIDATION_FAILED", "paired arrays differ in length", {}, [
      { field, code: "length_mismatch" },
    ]);
  }
}

function scoresOf(body: EffectSizeBody): number[][] {
  if (body.design === "independent") return [body.groupA, body.groupB];
  if (body.design === "pre-post") return [body.pre, body.post];
  return [body.treatment.pre, body.treatment.post, body.control.pre, body.control.post];
}

/** d_pre always; d_z and d_rm only where the data leave them defined and meaningful. */
function prePost(pre: number[], post: number[]): Pick<EffectSizeEstimates, "estimates" | "notes"> {
  const s = pairedSummary(pre, post);
  const changes = post.map((y, i) => y - pre[i]!);
  const j = hedgesCorrection(s.n - 1);
  const estimates: EffectSizeEstimates["estimates"] = [
    { metric: "d_pre", estimate: smcr(s), corrected: true },
  ];
  const notes: Note[] = [{ key: "impact.notes.prePost", params: { r: round(s.r) } }];
  if (hasNoSpread(changes)) {
    // SD of the changes is 0: d_z is infinite and d_rm is 0/0. d_pre does not need it.
    notes.push({ key: "impact.notes.sameChange" });
    return { estimates, notes };
  }
  const meanChange = mean(changes);
  const sdChange = sd(changes);
  estimates.push({ metric: "d_z", estimate: dzFromChanges(meanChange, sdChange, s.n), corrected: true });
  if (s.r > PERFECT_R) {
    notes.push({ key: "impact.notes.onALine" });
  } else {
    estimates.push({ metric: "d_rm", estimate: drm(meanChange, sdChange, s.r, s.n, j), corrected: true });
    const ratio = s.sdPost / s.sdPre;
    if (ratio > UNEQUAL_SPREAD || ratio < 1 / UNEQUAL_SPREAD)
      notes.push({ key: "impact.notes.unequalSpread" });
  }
  return { estimates, notes };
}

/**
 * The effect sizes for the design with their 95% intervals, unrounded, and the keys of the notes that
 * go with them. All arithmetic runs on the scores mapped to one common [−1, 1] scale, which leaves
 * standardised effects unchanged and keeps huge or offset scores exact. Pure; nothing is stored.
 */
export function estimateEffectSize(body: EffectSizeBody): EffectSizeEstimates {
  if (body.design === "pre-post") assertPaired(body.pre, body.post, "post");
  if (body.design === "pre-post-control") {
    assertPaired(body.treatment.pre, body.treatment.post, "treatment");
    assertPaired(body.control.pre, body.control.post, "control");
  }
  const groups =
    body.design === "independent"
      ? [body.groupA, body.groupB]
      : body.design === "pre-post"
        ? [body.pre]
        : [body.treatment.pre, body.control.pre];
  const n = groups.reduce((sum, g) => sum + g.length, 0);
  const empty = { design: body.design, n, headline: null, estimates: [] };
  if (groups.some((g) => g.length < MIN_PER_GROUP)) {
    return { ...empty, notes: [{ key: "impact.notes.tooFew", params: { minimum: MIN_PER_GROUP } }] };
  }
  const scores = standardise(scoresOf(body));
  if (scores.some(hasNoSpread)) return { ...empty, notes: [{ key: "impact.notes.noVariation" }] };

  let estimates: EffectSizeEstimates["estimates"];
  const notes: Note[] = [];
  if (body.design === "independent") {
    const [a, b] = scores.map((xs) => ({ mean: mean(xs), sd: sd(xs), n: xs.length }));
    estimates = [{ metric: "g", estimate: hedgesG(a!, b!).g, corrected: true }];
    notes.push({ key: "impact.notes.independent" });
  } else if (body.design === "pre-post") {
    const result = prePost(scores[0]!, scores[1]!);
    estimates = result.estimates;
    notes.push(...result.notes, { key: "impact.notes.notComparable" });
  } else {
    const treatment = pairedSummary(scores[0]!, scores[1]!);
    const control = pairedSummary(scores[2]!, scores[3]!);
    estimates = [{ metric: "d_ppc2", estimate: dppc2(treatment, control), corrected: true }];
    notes.push({ key: "impact.notes.prePostControl" });
    if (Math.max(treatment.r, control.r) > PERFECT_R) notes.push({ key: "impact.notes.perfectCorrelation" });
  }
  // A last guard: a figure that is not a finite number is left out and said so, never sent as NaN.
  const finite = estimates.filter((e) => isFinite(e.estimate));
  if (finite.length < estimates.length) notes.push({ key: "impact.notes.notComputable" });
  if (finite.some((e) => e.corrected)) notes.push({ key: "impact.notes.corrected" });
  if (n < SMALL_TOTAL) notes.push({ key: "impact.notes.small", params: { n } });
  return { design: body.design, n, headline: finite[0]?.metric ?? null, estimates: finite, notes };
}

/**
 * The right effect size for the design, with a 95% interval and plain notes on what it does and does
 * not mean, the headline first. Pure apart from the translator; nothing is stored.
 */
export function calculateEffectSize(body: EffectSizeBody, locale: Locale): EffectSizeResult {
  const t = translator(locale);
  const result = estimateEffectSize(body);
  return {
    design: result.design,
    n: result.n,
    headline: result.headline,
    estimates: result.estimates.map(({ metric, estimate, corrected }) => ({
      metric,
      value: round(estimate.value),
      ciLow: round(estimate.ciLow),
      ciHigh: round(estimate.ciHigh),
      corrected,
    })),
    notes: result.notes.map((note) => t(note.key, note.params ?? {})),
  };
}
