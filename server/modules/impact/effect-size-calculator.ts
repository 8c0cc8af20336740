import type { Locale } from "../../../common/locales.ts";
import type { EffectSizeBody, EffectSizeResult } from "../../../common/schemas/impact.ts";
import { AppError } from "../../errors.ts";
import { translator } from "../../i18n.ts";
import { dppc2, drm, dz, type Estimate, hedgesG, mean, pairedSummary, sd } from "./effect-sizes.ts";

/** Below this many people per group an effect size says more about chance than about the training. */
export const MIN_PER_GROUP = 5;
/** Below this many in total the interval is wide enough to say so. */
const SMALL_TOTAL = 30;

const round = (x: number) => Math.round(x * 1000) / 1000;
const present = (metric: EffectSizeResult["estimates"][number]["metric"], e: Estimate) => ({
  metric,
  value: round(e.value),
  ciLow: round(e.ciLow),
  ciHigh: round(e.ciHigh),
});

function assertPaired(pre: number[], post: number[], field: string): void {
  if (pre.length !== post.length) {
    throw new AppError("VALIDATION_FAILED", "paired arrays differ in length", {}, [
      { field, code: "length_mismatch" },
    ]);
  }
}

/**
 * The right effect size for the design, with a 95% interval and plain notes on what it does and does
 * not mean. Pure apart from the translator; nothing is stored.
 */
export function calculateEffectSize(body: EffectSizeBody, locale: Locale): EffectSizeResult {
  const t = translator(locale);
  const notes: string[] = [];
  const groups =
    body.design === "independent"
      ? [body.groupA, body.groupB]
      : body.design === "pre-post"
        ? [body.pre]
        : [body.treatment.pre, body.control.pre];
  if (body.design === "pre-post") assertPaired(body.pre, body.post, "post");
  if (body.design === "pre-post-control") {
    assertPaired(body.treatment.pre, body.treatment.post, "treatment");
    assertPaired(body.control.pre, body.control.post, "control");
  }
  const n = groups.reduce((sum, g) => sum + g.length, 0);
  if (groups.some((g) => g.length < MIN_PER_GROUP)) {
    return {
      design: body.design,
      n,
      estimates: [],
      notes: [t("impact.notes.tooFew", { minimum: MIN_PER_GROUP })],
    };
  }
  const all =
    body.design === "independent"
      ? [body.groupA, body.groupB]
      : body.design === "pre-post"
        ? [body.pre, body.post]
        : [body.treatment.pre, body.treatment.post, body.control.pre, body.control.post];
  if (all.some((scores) => sd(scores) === 0)) {
    return { design: body.design, n, estimates: [], notes: [t("impact.notes.noVariation")] };
  }

  let estimates: EffectSizeResult["estimates"];
  if (body.design === "independent") {
    const a = { mean: mean(body.groupA), sd: sd(body.groupA), n: body.groupA.length };
    const b = { mean: mean(body.groupB), sd: sd(body.groupB), n: body.groupB.length };
    estimates = [present("g", hedgesG(a, b).g)];
    notes.push(t("impact.notes.independent"));
  } else if (body.design === "pre-post") {
    const s = pairedSummary(body.pre, body.post);
    const diffs = body.post.map((post, i) => post - body.pre[i]!);
    estimates = [present("d_z", dz(s)), present("d_rm", drm(mean(diffs), sd(diffs), s.r, s.n))];
    notes.push(t("impact.notes.prePost", { r: round(s.r) }), t("impact.notes.notComparable"));
  } else {
    const treatment = pairedSummary(body.treatment.pre, body.treatment.post);
    const control = pairedSummary(body.control.pre, body.control.post);
    estimates = [present("d_ppc2", dppc2(treatment, control))];
    notes.push(t("impact.notes.prePostControl"));
  }
  if (n < SMALL_TOTAL) notes.push(t("impact.notes.small", { n }));
  return { design: body.design, n, estimates, notes };
}
