import { formatDecimal, formatNumber, formatPercent } from "../../../common/format.ts";
import type { Locale } from "../../../common/locales.ts";
import type { ImpactView, KpiView, SurveyResultsView } from "../../../common/schemas/impact.ts";
import { tierBars } from "../../../common/charts/tier-bars.ts";
import { drawChart } from "../../files/chart-pdf.ts";
import { BOLD, createPdf, type PdfFile, REGULAR } from "../../files/pdf.ts";
import { translator, type Translate } from "../../i18n.ts";

const GREEN = "#0b5d4b";
const GREY = "#4a5560";

export interface ReportData {
  impact: ImpactView;
  survey: SurveyResultsView;
  kpis: KpiView[];
  kpiCaveat: string;
  organisationName: string;
  cohortName: string | null;
}

function heading({ doc, as }: PdfFile, text: string) {
  doc.moveDown(0.8).font(BOLD).fontSize(14).fillColor(GREEN).text(text, as("H2")).moveDown(0.3);
  doc.font(REGULAR).fontSize(10).fillColor("black");
}

/**
 * The tier picture, the same chart as on the impact screen: one bar per LTEM tier on the scale of all
 * participants, and words for tier 8 (the organisation's figures, or a dash when there are none).
 */
function tierChart(pdf: PdfFile, impact: ImpactView, t: Translate) {
  const { doc, as } = pdf;
  const kpis = impact.tiers
    .find((tier) => tier.tier === 8)
    ?.evidence.some((e) => e.detail && e.learners === null && e.instrument === "organisation-kpi");
  const summary = impact.tiers.map((tier) => `${tier.tier} ${tier.name}: ${tier.learners}`).join(", ");
  const text = {
    label: t("ui.impact.chartLabel", { n: impact.participants, summary }),
    organisationLevel: kpis ? t("impact.report.organisationLevel") : "-",
  };
  drawChart(pdf, (width) => tierBars(impact.tiers, impact.participants, text, width));
  doc
    .fontSize(8)
    .fillColor(GREY)
    .text(t("impact.report.chartHint", { n: impact.participants }), doc.x, doc.y, as("P"));
  doc.fillColor("black").fontSize(10);
}

function headline(impact: ImpactView, t: Translate, locale: Locale): string[] {
  const byTier = (n: number) => impact.tiers.find((tier) => tier.tier === n)!.learners;
  const lines = [
    t("impact.report.headline", {
      attended: byTier(1),
      competent: Math.max(byTier(5), byTier(6)),
      transfer: byTier(7),
      n: impact.participants,
    }),
  ];
  const estimate = impact.effectSize?.result.estimates.find((e) => e.metric === "d_pre");
  if (impact.effectSize && estimate) {
    lines.push(
      t("impact.report.effectHeadline", {
        pre: formatNumber(impact.effectSize.meanPre ?? 0, locale, 1),
        post: formatNumber(impact.effectSize.meanPost ?? 0, locale, 1),
        value: formatDecimal(estimate.value, locale),
        ciLow: formatDecimal(estimate.ciLow, locale),
        ciHigh: formatDecimal(estimate.ciHigh, locale),
        n: impact.effectSize.result.n,
      }),
    );
  } else if (impact.effectSize) {
    lines.push(...impact.effectSize.result.notes.slice(0, 1));
  }
  return lines;
}

function summaryPage(pdf: PdfFile, data: ReportData, t: Translate, locale: Locale) {
  const { doc, as } = pdf;
  doc.font(BOLD).fontSize(20).fillColor(GREEN).text(t("impact.report.title"), as("H1"));
  doc.font(REGULAR).fontSize(12).fillColor("black").text(data.impact.title, as("P"));
  doc
    .fontSize(10)
    .fillColor(GREY)
    .text(`${data.organisationName} · ${data.cohortName ?? t("impact.report.allCohorts")}`, as("P"));
  heading(pdf, t("impact.report.summary"));
  for (const line of headline(data.impact, t, locale)) doc.text(`• ${line}`, as("P")).moveDown(0.2);
  const failing = data.survey.moments.flatMap((m) => m.questions).filter((q) => q.meetsStandard === false);
  const judged = data.survey.moments.flatMap((m) => m.questions).filter((q) => q.meetsStandard !== null);
  if (judged.length > 0) {
    doc.text(
      `• ${t("impact.report.surveyHeadline", { meets: judged.length - failing.length, total: judged.length })}`,
      as("P"),
    );
  }
  for (const kpi of data.kpis.filter((k) => k.afterValue !== null)) {
    doc.text(
      `• ${kpi.name}: ${formatNumber(kpi.beforeValue, locale, 2)} → ${formatNumber(kpi.afterValue!, locale, 2)} ${kpi.unit}`,
      as("P"),
    );
  }
  heading(pdf, t("impact.report.tiers"));
  tierChart(pdf, data.impact, t);
  doc.moveDown(0.5).fontSize(9).fillColor(GREY).text(t("impact.completionIsNotTransfer"), as("P"));
  doc.fillColor("black").fontSize(10);
}

function detailPages(pdf: PdfFile, data: ReportData, t: Translate, locale: Locale) {
  const decimal = (x: number) => formatDecimal(x, locale);
  const percent = (x: number | null) => (x === null ? "-" : formatPercent(x / 100, locale));
  const { doc, as } = pdf;
  doc.addPage();
  heading(pdf, t("impact.report.evidence"));
  for (const tier of data.impact.tiers) {
    doc.font(BOLD).text(`${tier.tier}. ${tier.name}: ${tier.learners}`, as("H3")).font(REGULAR);
    if (tier.evidence.length === 0)
      doc.fillColor(GREY).text(t("impact.notMeasured"), as("P")).fillColor("black");
    for (const e of tier.evidence) {
      const flags = [
        t(`impact.timing.${e.timing}`),
        e.baseline ? t("impact.baseline") : null,
        e.adequate ? null : t("impact.notAdequate"),
      ]
        .filter(Boolean)
        .join(", ");
      doc.text(`${e.label} (${flags}): ${e.detail}`, { indent: 12, ...as("P") });
    }
    doc.moveDown(0.3);
  }
  heading(pdf, t("impact.report.effectSize"));
  const effect = data.impact.effectSize;
  if (!effect) doc.text(t("impact.noPrePost"), as("P"));
  else {
    doc.text(`${effect.preLabel} → ${effect.postLabel}`, as("P"));
    for (const e of effect.result.estimates)
      doc.text(
        `${e.metric} = ${decimal(e.value)} [${decimal(e.ciLow)}; ${decimal(e.ciHigh)}], n = ${formatNumber(effect.result.n, locale)}`,
        as("P"),
      );
    for (const line of [...effect.explanation, ...effect.result.notes]) doc.moveDown(0.2).text(line, as("P"));
    for (const c of effect.comparisons)
      doc.moveDown(0.2).fillColor(GREY).text(`${c.figure}: ${c.caveat}`, as("P")).fillColor("black");
  }
  heading(pdf, t("impact.report.survey"));
  for (const moment of data.survey.moments) {
    doc
      .font(BOLD)
      .text(
        `${t(`impact.moments.${moment.moment}`)} (${t("impact.respondents", { count: moment.respondents })})`,
        as("H3"),
      );
    doc.font(REGULAR);
    for (const q of moment.questions) {
      const standard = data.survey.standards.find((s) => s.question === q.question)!;
      const verdict =
        q.meetsStandard === null ? "-" : q.meetsStandard ? t("impact.meets") : t("impact.belowStandard");
      doc.text(
        `${t(`survey.${q.question}.prompt`)} ${percent(q.acceptablePercent)} / ${percent(standard.targetPercent)}: ${verdict}`,
        { indent: 12, ...as("P") },
      );
    }
  }
  heading(pdf, t("impact.report.kpis"));
  if (data.kpis.length === 0) doc.text(t("impact.detail.noKpis"), as("P"));
  for (const kpi of data.kpis) {
    const after =
      kpi.afterValue === null ? "-" : `${formatNumber(kpi.afterValue, locale, 2)} (${kpi.afterPeriod ?? ""})`;
    doc.text(
      `${kpi.name}: ${formatNumber(kpi.beforeValue, locale, 2)} (${kpi.beforePeriod}) → ${after} ${kpi.unit}`,
      as("P"),
    );
  }
  doc.moveDown(0.3).fillColor(GREY).text(data.kpiCaveat, as("P")).fillColor("black");
}

/** The trajectory's impact report: a one-page summary first, then the evidence behind it. */
export function renderImpactReport(data: ReportData, locale: Locale, summaryOnly: boolean): Promise<Buffer> {
  const t = translator(locale);
  const pdf = createPdf({ title: `${t("impact.report.title")}: ${data.impact.title}`, locale });
  summaryPage(pdf, data, t, locale);
  if (!summaryOnly) detailPages(pdf, data, t, locale);
  return pdf.finish();
}
