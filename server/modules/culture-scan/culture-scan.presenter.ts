import { interventionTexts } from "../../../common/content/interventions.ts";
import type { Locale } from "../../../common/locales.ts";
import type { ScanResults } from "../../../common/schemas/culture-scans.ts";
import { type CsvCell, toCsv } from "../../files/csv.ts";
import { translator } from "../../i18n.ts";
import { layers, phasesOfChange, preconditions } from "../../../common/culture-scan/model.ts";
import type { getResults } from "./scan-results.service.ts";

/** Results in the reader's language; recommendations carry their title and reason as text. */
export function presentResults(results: Awaited<ReturnType<typeof getResults>>, locale: Locale): ScanResults {
  const texts = interventionTexts(locale);
  const words = (r: (typeof results.recommendations)[number]) =>
    r.intervention ? texts.interventions[r.intervention.id]! : texts.preconditionActions[r.precondition!];
  return {
    ...results,
    recommendations: results.recommendations.map((r) => ({
      kind: r.kind,
      id: r.id,
      layer: r.layer,
      phase: r.phase,
      score: r.score,
      title: words(r).name,
      why: words(r).why,
    })),
    actions: results.actions.map((a) => ({
      id: a.id,
      scanId: a.scanId,
      title: a.title,
      owner: a.owner,
      dueOn: a.dueOn,
      status: a.status,
    })),
  };
}

/** Aggregated figures only: one row per shown group and figure; suppressed groups appear without figures. */
export function resultsCsv(results: ScanResults, locale: Locale): string {
  const t = translator(locale);
  const rows: CsvCell[][] = [
    [
      t("ui.scans.csv.group"),
      t("ui.scans.csv.responses"),
      t("ui.scans.csv.measure"),
      t("ui.scans.csv.value"),
    ],
  ];
  for (const group of results.groups) {
    const { figures } = group;
    if (!figures) {
      rows.push([group.team, group.responses, t("ui.scans.csv.suppressed"), null]);
      continue;
    }
    const measures: (readonly [string, number | null | undefined])[] = [
      ...phasesOfChange.map((phase) => [t(`ui.scans.phases.${phase}`), figures.phases[phase]] as const),
      ...layers.map((layer) => [t(`ui.scans.layers.${layer}`), figures.layers[layer]] as const),
      ...preconditions.map((p) => [t(`ui.scans.preconditions.${p}`), figures.preconditions[p]] as const),
    ];
    for (const [measure, value] of measures) rows.push([group.team, group.responses, measure, value ?? null]);
  }
  return toCsv(rows, locale);
}
