import * as Plot from "@observablehq/plot";
import { palette } from "./palette.ts";
import { rowLayout, textWidth } from "./rows.ts";
import type { ChartSpec } from "./render.ts";

export interface ScoreRow {
  label: string;
  /** null: nothing to show yet (a hidden or missing figure); the row keeps its label and words. */
  value: number | null;
  max: number;
  /** The words beside the bar: "3 / 5", "3.4 / 5 (before 3.1)". */
  shown: string;
  colour?: string;
}

const ROW = 30;

/**
 * One horizontal bar per row over a track, each as a share of its own maximum, with the row's words at
 * the end: for "how far along" figures (a team's tasks, a scan's preconditions), not for comparing rows.
 */
export function scoreBars(rows: ScoreRow[], label: string, width: number): ChartSpec {
  const data = rows.map((row) => ({
    ...row,
    share: row.value === null ? 0 : Math.min(1, row.value / Math.max(1, row.max)),
    fill: row.colour ?? palette.green,
  }));
  const layout = rowLayout({ labels: rows.map((r) => r.label), width, share: 0.42, row: ROW, padding: 0.3 });
  const marginRight = Math.min(
    textWidth(Math.max(3, ...rows.map((r) => r.shown.length))),
    Math.round(width * 0.3),
  );
  return {
    label,
    options: {
      height: rows.length * layout.row + 8,
      marginLeft: layout.marginLeft,
      marginRight,
      marginTop: 4,
      marginBottom: 4,
      x: { axis: null, domain: [0, 1] },
      y: { domain: data.map((r) => r.label), label: null, ...layout.y },
      marks: [
        layout.labels,
        Plot.barX(data, { x: () => 1, y: "label", fill: palette.track, ...layout.barInset }),
        Plot.barX(data, { x: "share", y: "label", fill: "fill", ...layout.barInset }),
        Plot.text(data, {
          x: () => 1,
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
