import { contentLocale, type Locale } from "../../../common/locales.ts";
import type { ScanResults } from "../../../common/schemas/culture-scans.ts";
import { type CsvCell, toCsv } from "../../files/csv.ts";
import { translator } from "../../i18n.ts";
import { layers, phasesOfChange, preconditions } from "../../../common/culture-scan/model.ts";
import { preconditionActions } from "./interventions.ts";
import type { getResults } from "./scan-results.service.ts";

/** Results in the reader's language; recommendations carry their title and reason as text. */
export function presentResults(results: Awaited<ReturnType<typeof getResults>>, locale: Locale): ScanResults {
  return {
    ...results,
    recommendations: results.recommendations.map((r) => ({
      kind: r.kind,
      id: r.id,
      layer: r.layer,
      phase: r.phase,
      score: r.score,
      title: r.intervention
        ? r.intervention.name[contentLocale(locale)]
        : preconditionActions[r.precondition!].name[contentLocale(locale)],
      why: r.intervention
        ? r.intervention.why[contentLocale(locale)]
        : preconditionActions[r.precondition!].why[contentLocale(locale)],
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
