import * as Plot from "@observablehq/plot";
import type { HeatBand } from "../culture-scan/model.ts";
import { palette } from "./palette.ts";
import type { ChartSpec } from "./render.ts";
import { rowLayout } from "./rows.ts";

export interface HeatCell {
  row: string;
  column: string;
  band: HeatBand;
  /** The words in the cell: a score, or a dash where too few people answered. */
  shown: string;
}

const ROW = 30;
/** Room for column headings of up to two lines above the grid. */
const HEADER = 38;
const FONT_PX = 13;

/**
 * A grid of coloured cells with their value written in: rows by columns, a light colour per band with
 * text dark enough to read on it. On a phone the row names go above their row (as in the bar charts),
 * so the five columns keep enough width for their numbers; column headings wrap instead of being cut.
 */
export function heatGrid({
  rows,
  columns,
  cells,
  label,
  width,
}: {
  rows: string[];
  columns: string[];
  cells: HeatCell[];
  label: string;
  width: number;
}): ChartSpec {
  const layout = rowLayout({ labels: rows, width, share: 0.3, row: ROW, padding: 0.08 });
  const columnWidth = (width - layout.marginLeft) / Math.max(1, columns.length);
  // Narrow columns (a phone) get slightly smaller headings, so a word such as "Toepassen" fits one.
  const headingPx = columnWidth < 80 ? 11 : FONT_PX;
  return {
    label,
    options: {
      height: rows.length * layout.row + HEADER + 4,
      marginLeft: layout.marginLeft,
      marginRight: 0,
      marginTop: HEADER,
      marginBottom: 4,
      x: { domain: columns, axis: null, padding: 0.04 },
      y: { domain: rows, label: null, ...layout.y },
      marks: [
        Plot.axisX({
          anchor: "top",
          tickSize: 0,
          label: null,
          // Wrapped, not cut: Plot counts a line in ems (one em is about two characters).
          fontSize: headingPx,
          lineWidth: (columnWidth - 12) / headingPx,
        }),
        layout.labels,
        Plot.cell(cells, {
          x: "column",
          y: "row",
          fill: (c: HeatCell) => palette.heat[c.band].fill,
          ...layout.barInset,
        }),
        Plot.text(cells, {
          x: "column",
          y: "row",
          text: "shown",
          dy: layout.wordsDy,
          fontWeight: "bold",
          fill: (c: HeatCell) => palette.heat[c.band].ink,
        }),
      ],
    },
  };
}
