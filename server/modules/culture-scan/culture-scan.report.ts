import { formatDecimal, formatNumber, formatPercent } from "../../../common/format.ts";
import type { Locale } from "../../../common/locales.ts";
import type { ScanResults } from "../../../common/schemas/culture-scans.ts";
import { BOLD, createPdf, REGULAR } from "../../files/pdf.ts";
import { translator } from "../../i18n.ts";
import {
  heatBand,
  type HeatBand,
  layers,
  phasesOfChange,
  preconditions,
} from "../../../common/culture-scan/model.ts";

const GREEN = "#0b5d4b";
/** The heatmap's colours per band, as on the results screen. */
const bandColours: Record<HeatBand, string> = {
  none: "#f0f2f1",
  low: "#f6c9c9",
  mid: "#fbe7b0",
  high: "#bfe3d2",
};
const heatColour = (score: number | null) => bandColours[heatBand(score)];

/**
 * The scan report as a PDF, in the reader's language: the same figures as the screen, under the same
 * anonymity rules (it is built from the already-filtered results, never from raw answers).
 */
export function renderScanReport(
  results: ScanResults,
  locale: Locale,
  organisationName: string,
): Promise<Buffer> {
  const t = translator(locale);
  const pdf = createPdf({ title: results.scan.title, locale });
  const { doc, as, decoration } = pdf;

  const heading = (text: string) => {
    doc.moveDown(0.8).font(BOLD).fontSize(14).fillColor(GREEN).text(text, as("H2")).moveDown(0.3);
    doc.font(REGULAR).fontSize(10).fillColor("black");
  };

  doc.font(BOLD).fontSize(20).fillColor(GREEN).text(results.scan.title, as("H1"));
  doc.font(REGULAR).fontSize(11).fillColor("black").text(organisationName, as("P"));
  doc.moveDown(0.5).fontSize(9).fillColor("#5c4400").text(t("ui.scans.notValidated"), as("P"));
  doc.fillColor("black").fontSize(10).moveDown(0.5);
  doc.text(
    `${t("ui.scans.responses")}: ${formatNumber(results.responses, locale)}    ${t("ui.scans.responseRate")}: ${results.responseRate === null ? "-" : formatPercent(results.responseRate / 100, locale)}    ${t("ui.scans.threshold")}: ${formatNumber(results.threshold, locale)}`,
    as("P"),
  );

  if (!results.overall) {
    doc.moveDown().text(t("ui.scans.tooFewOverall", { threshold: results.threshold }), as("P"));
    return pdf.finish();
  }

  heading(t("ui.scans.heatmap"));
  const left = doc.page.margins.left;
  const labelWidth = 120;
  const cellWidth = (doc.page.width - left - doc.page.margins.right - labelWidth) / phasesOfChange.length;
  let y = doc.y;
  doc.font(BOLD).fontSize(8);
  phasesOfChange.forEach((phase, i) =>
    doc.text(t(`ui.scans.phases.${phase}`), left + labelWidth + i * cellWidth, y, {
      width: cellWidth,
      align: "center",
      ...as("P"),
    }),
  );
  y += 22;
  doc.font(REGULAR).fontSize(9);
  for (const layer of layers) {
    doc
      .fillColor("black")
      .text(t(`ui.scans.layers.${layer}`), left, y + 5, { width: labelWidth, ...as("P") });
    phasesOfChange.forEach((phase, i) => {
      const score = results.heatmap[layer]?.[phase] ?? null;
      decoration();
      doc.rect(left + labelWidth + i * cellWidth, y, cellWidth - 2, 18).fill(heatColour(score));
      doc
        .fillColor("black")
        .text(
          score === null ? "-" : formatDecimal(score, locale, 1),
          left + labelWidth + i * cellWidth,
          y + 5,
          {
            width: cellWidth - 2,
            align: "center",
            ...as("P"),
          },
        );
    });
    y += 20;
  }
  doc.x = left;
  doc.y = y + 4;
  doc
    .fontSize(8)
    .fillColor("#4a5560")
    .text(t("ui.scans.heatmapHint"), left, doc.y, { width: doc.page.width - left * 2, ...as("P") });
  doc.fillColor("black").fontSize(10);

  heading(t("ui.scans.phasesTitle"));
  for (const group of results.groups) {
    const label = `${group.team} (${t("ui.scans.answers", { count: group.responses })})`;
    if (!group.figures) {
      doc.text(
        `${label}: ${group.merged ? t("ui.scans.merged") : t("ui.scans.tooFewGroup", { threshold: results.threshold })}`,
        as("P"),
      );
      continue;
    }
    const parts = phasesOfChange.map(
      (phase) => `${t(`ui.scans.phases.${phase}`)} ${group.figures!.phases[phase] ?? "-"}`,
    );
    doc.text(`${label}: ${parts.join(", ")}`, as("P"));
  }

  heading(t("ui.scans.preconditionsTitle"));
  for (const p of preconditions) {
    const score = results.overall.preconditions[p] ?? null;
    doc.text(
      `${t(`ui.scans.preconditions.${p}`)}: ${score === null ? "-" : `${formatDecimal(score, locale, 1)} / 5`}`,
      as("P"),
    );
  }

  heading(t("ui.scans.recommendations"));
  results.recommendations.forEach((r, i) => {
    doc
      .font(BOLD)
      .text(`${i + 1}. ${r.title}`, as("H3"))
      .font(REGULAR)
      .text(r.why, as("P"))
      .moveDown(0.3);
  });
  if (results.actions.length > 0) {
    heading(t("ui.scans.actionPlan"));
    for (const a of results.actions) doc.text(`${a.title} – ${a.owner}, ${a.dueOn}`, as("P"));
  }
  return pdf.finish();
}
