import { formatNumber, formatPercent } from "../../../common/format.ts";
import type { Locale } from "../../../common/locales.ts";
import type { ScanResults } from "../../../common/schemas/culture-scans.ts";
import { BOLD, createPdf, REGULAR } from "../../files/pdf.ts";
import { translator } from "../../i18n.ts";
import { scanHeatmap, scanPreconditions } from "../../../common/culture-scan/charts.ts";
import { phasesOfChange } from "../../../common/culture-scan/model.ts";
import { drawChart } from "../../files/chart-pdf.ts";

const GREEN = "#0b5d4b";

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
  const { doc, as } = pdf;

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

  drawChart(pdf, scanHeatmap(results, t, locale), () => heading(t("ui.scans.heatmap")));
  doc.fontSize(8).fillColor("#4a5560").text(t("ui.scans.heatmapHint"), as("P"));
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

  drawChart(pdf, scanPreconditions(results, t, locale), () => heading(t("ui.scans.preconditionsTitle")));

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
