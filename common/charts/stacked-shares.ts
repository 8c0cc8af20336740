import * as Plot from "@observablehq/plot";
import { palette } from "./palette.ts";
import type { ChartSpec } from "./render.ts";

export interface Segment {
  key: string;
  value: number;
  colour: string;
}

/**
 * One bar split into segments by share (the culture scan's phases for a group): the order and colours
 * are fixed, so bars of different groups line up phase by phase. Segments of 0 are left out.
 */
export function stackedShares(segments: Segment[], label: string): ChartSpec {
  const data = segments.filter((s) => s.value > 0);
  const total = data.reduce((sum, s) => sum + s.value, 0);
  return {
    label,
    options: {
      height: 22,
      margin: 0,
      x: { axis: null, domain: [0, Math.max(total, 1)] },
      marks: [
        Plot.barX([total], { x: (v: number) => Math.max(v, 1), fill: palette.track }),
        Plot.barX(
          data,
          Plot.stackX({ x: "value", fill: "colour", order: null, stroke: "white", strokeWidth: 1 }),
        ),
      ],
    },
  };
}
