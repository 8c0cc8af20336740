import type { ScanResults } from "../../../common/schemas/culture-scans.ts";
import type { Scope } from "../../http/scope.ts";
import { presentResults, resultsCsv } from "./culture-scan.presenter.ts";
import { renderScanReport } from "./culture-scan.report.ts";
import { organisationName } from "./culture-scan.service.ts";
import { getResults } from "./scan-results.service.ts";

/** The presented results: the one source for the screen, the CSV and the PDF. */
export async function presentedResults(scope: Scope, options: { scanId: string }): Promise<ScanResults> {
  return presentResults(await getResults(scope, options), scope.locale);
}

/** Aggregated results as CSV: only what the anonymity rules allow on screen. */
export async function scanResultsCsv(scope: Scope, options: { scanId: string }): Promise<string> {
  return resultsCsv(await presentedResults(scope, options), scope.locale);
}

/** The results as a PDF report, under the same anonymity rules. */
export async function scanReportPdf(scope: Scope, options: { scanId: string }): Promise<Buffer> {
  const results = await presentedResults(scope, options);
  return renderScanReport(results, scope.locale, await organisationName(scope.tenant));
}
