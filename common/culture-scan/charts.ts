import type { TFunction } from "i18next";
import { heatGrid } from "../charts/heat-grid.ts";
import { palette } from "../charts/palette.ts";
import type { ChartSpec } from "../charts/render.ts";
import { scoreBars } from "../charts/score-bars.ts";
import { formatDecimal } from "../format.ts";
import type { Locale } from "../locales.ts";
import type { ScanResults } from "../schemas/culture-scans.ts";
import { heatBand, layers, phasesOfChange, preconditions } from "./model.ts";

/** The translation function of either side (react-i18next in the browser, i18next on the server). */
type Translate = TFunction;

/**
 * The scan's heatmap (support per layer and phase of learning) as a chart, for the results screen and
 * the PDF alike. Its label carries every cell, so a screen reader hears what the colours show.
 */
export function scanHeatmap(results: ScanResults, t: Translate, locale: Locale) {
  const columns = phasesOfChange.map((phase) => t(`ui.scans.phases.${phase}`));
  const rows = layers.map((layer) => t(`ui.scans.layers.${layer}`));
  const cells = layers.flatMap((layer, r) =>
    phasesOfChange.map((phase, c) => {
      const score = results.heatmap[layer]?.[phase] ?? null;
      return {
        row: rows[r]!,
        column: columns[c]!,
        band: heatBand(score),
        shown: score === null ? "—" : formatDecimal(score, locale, 1),
      };
    }),
  );
  const spoken = layers
    .map(
      (layer, r) =>
        `${rows[r]}: ${cells
          .filter((cell) => cell.row === rows[r])
          .map((cell) => `${cell.column} ${cell.shown === "—" ? t("ui.scans.tooFew") : cell.shown}`)
          .join(", ")}`,
    )
    .join("; ");
  const label = `${t("ui.scans.heatmap")}. ${spoken}`;
  return (width: number): ChartSpec => heatGrid({ rows, columns, cells, label, width });
}

/** A score's bar colour by band: low red, middling amber, high green. */
const barColour = { low: palette.red, mid: palette.amber, high: palette.green, none: palette.grey } as const;

/** The preconditions for transfer, each as a score out of 5 with the previous scan's beside it. */
export function scanPreconditions(results: ScanResults, t: Translate, locale: Locale) {
  const rows = preconditions.map((key) => {
    const score = results.overall?.preconditions[key] ?? null;
    const before = results.trend?.overall?.preconditions[key] ?? null;
    const shown =
      score === null
        ? "—"
        : `${formatDecimal(score, locale, 1)} / 5` +
          (before !== null ? ` (${t("ui.scans.before", { score: formatDecimal(before, locale, 1) })})` : "");
    return {
      label: t(`ui.scans.preconditions.${key}`),
      value: score,
      max: 5,
      shown,
      colour: barColour[heatBand(score)],
    };
  });
  const label = `${t("ui.scans.preconditionsTitle")}: ${rows.map((r) => `${r.label} ${r.shown}`).join(", ")}`;
  return (width: number): ChartSpec => scoreBars(rows, label, width);
}
