import * as Plot from "@observablehq/plot";

/** Roughly how wide a label of `n` characters is at the chart's 13 px text. */
export const textWidth = (n: number) => n * 7 + 14;

const FONT_PX = 13;
/** Room above a bar for its label on a narrow screen: one line of text. */
const LABEL_LINE = 19;
const STACKED_PADDING = 0.12;

export interface RowLayout {
  /** Labels beside the bars (there is room), or each on its own line above its bar (a phone). */
  beside: boolean;
  /** Height of one row in pixels, label included. */
  row: number;
  marginLeft: number;
  /** Bars and the words at their end keep to the lower part of a row when the label sits above. */
  barInset: { insetTop: number };
  /** Shifts the words at the bar's end to the bar's middle. */
  wordsDy: number;
  /** The y scale's band options: no axis of its own when the labels are written above the bars. */
  y: { padding: number; axis?: null };
  /** The mark that writes the labels. */
  labels: Plot.Markish;
}

/**
 * How rows of "label, bar, words" fit `width`: labels beside the bars when the longest fits in `share` of
 * the width, otherwise each label on a line of its own above its bar, so a phone shows "3. Oordeel van
 * deelnemers" whole instead of cut to "3. Oordeel van d…".
 */
export function rowLayout({
  labels,
  width,
  share,
  row: besideRow,
  padding,
}: {
  labels: string[];
  width: number;
  share: number;
  row: number;
  padding: number;
}): RowLayout {
  const longest = Math.max(4, ...labels.map((label) => label.length));
  if (textWidth(longest) <= width * share) {
    const marginLeft = textWidth(longest);
    return {
      beside: true,
      row: besideRow,
      marginLeft,
      barInset: { insetTop: 0 },
      wordsDy: 0,
      y: { padding },
      labels: Plot.axisY({ tickSize: 0, textOverflow: "ellipsis", lineWidth: (marginLeft - 12) / FONT_PX }),
    };
  }
  const row = besideRow + LABEL_LINE;
  const band = row * (1 - STACKED_PADDING);
  return {
    beside: false,
    row,
    marginLeft: 0,
    barInset: { insetTop: LABEL_LINE },
    wordsDy: LABEL_LINE / 2,
    y: { padding: STACKED_PADDING, axis: null },
    labels: Plot.text(labels, {
      y: (label: string) => label,
      text: (label: string) => label,
      frameAnchor: "left",
      textAnchor: "start",
      // From the band's middle up to the middle of its first line, where the label goes.
      dy: -band / 2 + LABEL_LINE / 2,
      lineWidth: width / FONT_PX,
      textOverflow: "ellipsis",
      fill: "currentColor",
    }),
  };
}
