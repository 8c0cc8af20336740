import * as Plot from "@observablehq/plot";
import { palette } from "./palette.ts";
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
const textWidth = (n: number) => n * 7 + 14;

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
  const marginLeft = Math.min(
    textWidth(Math.max(4, ...rows.map((r) => r.label.length))),
    Math.round(width * 0.42),
  );
  const marginRight = Math.min(
    textWidth(Math.max(3, ...rows.map((r) => r.shown.length))),
    Math.round(width * 0.3),
  );
  return {
    label,
    options: {
      height: rows.length * ROW + 8,
      marginLeft,
      marginRight,
      marginTop: 4,
      marginBottom: 4,
      x: { axis: null, domain: [0, 1] },
      y: { domain: data.map((r) => r.label), label: null, padding: 0.3 },
      marks: [
        Plot.axisY({ tickSize: 0, textOverflow: "ellipsis", lineWidth: (marginLeft - 12) / 13 }),
        Plot.barX(data, { x: () => 1, y: "label", fill: palette.track }),
        Plot.barX(data, { x: "share", y: "label", fill: "fill" }),
        Plot.text(data, {
          x: () => 1,
          y: "label",
          text: "shown",
          dx: 6,
          textAnchor: "start",
          fill: palette.ink,
        }),
      ],
    },
  };
}
