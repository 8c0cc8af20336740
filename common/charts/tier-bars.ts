import * as Plot from "@observablehq/plot";
import { palette } from "./palette.ts";
import { rowLayout } from "./rows.ts";
import type { ChartSpec } from "./render.ts";

export interface TierCount {
  tier: number;
  name: string;
  learners: number;
}

export interface TierBarsText {
  /** The aria-label: "Learners per LTEM tier, out of 13: 1 Attendance: 13, …". */
  label: string;
  /** Written where tier 8's bar would be: it is measured for the organisation, not per learner. */
  organisationLevel: string;
}

const ROW = 28;

/**
 * Learners per LTEM tier as horizontal bars, tier 8 on top: grey for taking part (1–3), green for
 * learning, transfer and effects (4–7), over a track of all participants, so the drop from attendance to
 * transfer is seen at once. Tier 8 is about the organisation and gets words, not a bar.
 */
export function tierBars(
  tiers: TierCount[],
  participants: number,
  text: TierBarsText,
  width: number,
): ChartSpec {
  const rows = [...tiers].reverse().map((t) => ({
    ...t,
    label: `${t.tier}. ${t.name}`,
    value: t.tier === 8 ? 0 : t.learners,
    shown: t.tier === 8 ? text.organisationLevel : String(t.learners),
  }));
  const layout = rowLayout({ labels: rows.map((r) => r.label), width, share: 0.45, row: ROW, padding: 0.25 });
  const scale = Math.max(1, participants);
  const measured = rows.filter((r) => r.tier !== 8);
  return {
    label: text.label,
    options: {
      height: rows.length * layout.row + 8,
      marginLeft: layout.marginLeft,
      marginRight: 40,
      marginTop: 4,
      marginBottom: 4,
      x: { axis: null, domain: [0, scale] },
      y: { domain: rows.map((r) => r.label), label: null, tickSize: 0, ...layout.y },
      marks: [
        layout.labels,
        Plot.barX(measured, { x: () => scale, y: "label", fill: palette.track, ...layout.barInset }),
        Plot.barX(measured, {
          x: "value",
          y: "label",
          fill: (r: TierCount) => (r.tier <= 3 ? palette.grey : palette.green),
          ...layout.barInset,
        }),
        Plot.text(rows, {
          x: (r: { tier: number; value: number }) => (r.tier === 8 ? 0 : scale),
          y: "label",
          text: "shown",
          dx: 6,
          dy: layout.wordsDy,
          textAnchor: "start",
          fill: palette.ink,
        }),
      ],
    },
  };
}
