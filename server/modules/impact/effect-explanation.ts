import type { EffectSizeResult, EffectSizeView } from "../../../common/schemas/impact.ts";
import { formatDecimal, formatNumber } from "../../../common/format.ts";
import type { Locale } from "../../../common/locales.ts";
import { translator } from "../../i18n.ts";
import { findEvidence } from "../evidence/index.ts";
import { presentEvidence } from "../evidence/index.ts";
import { calculateEffectSize } from "./effect-size-calculator.ts";
import { mean } from "./effect-sizes.ts";

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 via erf), enough for a percentage in a sentence. */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const k = 1 / (1 + 0.3275911 * z);
  const erf =
    1 -
    ((((1.061405429 * k - 1.453152027) * k + 1.421413741) * k - 0.284496736) * k + 0.254829592) *
      k *
      Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** Figures to set a result beside, each from the evidence library with why the comparison is loose. */
function comparisons(result: EffectSizeResult, locale: Locale) {
  const t = translator(locale);
  if (result.estimates.length === 0) return [];
  const out: EffectSizeView["comparisons"] = [];
  for (const [id, caveat] of [
    ["hattie-hinge-point", "impact.compare.hinge"],
    ["arthur-2003-training", "impact.compare.arthur"],
  ] as const) {
    const entry = findEvidence(id);
    if (!entry) continue;
    const view = presentEvidence(entry, locale);
    if (view.figure === null) continue; // never show an unverified figure as fact
    out.push({ label: `${view.claim} (${view.source})`, figure: view.figure, caveat: t(caveat) });
  }
  return out;
}

/**
 * Pre/post scores (per cent right) of the learners who took both measures, turned into effect sizes
 * with a plain account of what they mean and do not mean.
 */
export function explainPrePost(
  pairs: { pre: number; post: number }[],
  labels: { pre: string; post: string },
  locale: Locale,
): EffectSizeView {
  const t = translator(locale);
  const pre = pairs.map((p) => p.pre);
  const post = pairs.map((p) => p.post);
  const result = calculateEffectSize({ design: "pre-post", pre, post }, locale);
  const meanPre = pairs.length > 0 ? oneDecimal(mean(pre)) : null;
  const meanPost = pairs.length > 0 ? oneDecimal(mean(post)) : null;
  const explanation: string[] = [];
  if (meanPre !== null && meanPost !== null) {
    explanation.push(
      t("impact.explain.means", {
        pre: formatNumber(meanPre, locale, 1),
        post: formatNumber(meanPost, locale, 1),
        n: pairs.length,
      }),
    );
  }
  // The headline, d_pre, is in pretest SDs, so Φ(d) is the share of the scores before that the
  // average learner afterwards beats (Cohen's U3), which is what the sentence says.
  const headline = result.estimates.find((e) => e.metric === "d_pre");
  if (headline) {
    explanation.push(
      t("impact.explain.dPre", {
        value: formatDecimal(headline.value, locale),
        ciLow: formatDecimal(headline.ciLow, locale),
        ciHigh: formatDecimal(headline.ciHigh, locale),
        percent: Math.round(normalCdf(headline.value) * 100),
      }),
    );
    if (headline.ciLow <= 0) explanation.push(t("impact.explain.includesZero"));
    explanation.push(t("impact.explain.doesNotMean"));
  }
  return {
    preLabel: labels.pre,
    postLabel: labels.post,
    meanPre,
    meanPost,
    result,
    explanation,
    comparisons: comparisons(result, locale),
  };
}
