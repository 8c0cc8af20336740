import { eq } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import { organisations } from "../../db/schema/index.ts";
import type { Scope } from "../../http/scope.ts";
import { recordAudit } from "../../audit.ts";
import { learnersCsv, tiersCsv } from "./impact.csv.ts";
import { renderImpactReport } from "./impact.report.ts";
import { gatherImpact, getImpact, presentImpact } from "./impact.service.ts";
import { listKpis } from "./kpis.service.ts";
import { getSurveyResults } from "./survey.service.ts";

/** What a download is of: the trajectory, optionally one cohort and a pre/post pair, in a language. */
interface ExportOptions {
  trajectoryId: string;
  cohortId?: string;
  pre?: string;
  post?: string;
  /** The file's language; a browser download cannot send the app's language as a header. */
  locale: Locale;
}

/** The impact report as PDF: a one-page summary, then the evidence (or the summary page only). */
export async function impactReportPdf(
  scope: Scope,
  options: ExportOptions & { summaryOnly: boolean },
): Promise<Buffer> {
  const { tenant, actor } = scope;
  const { trajectoryId, cohortId, locale } = options;
  const facts = await gatherImpact(scope, { trajectoryId, cohortId });
  const [organisation] = await tenant.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, tenant.organisationId));
  const kpis = await listKpis({ ...scope, locale }, { trajectoryId });
  return renderImpactReport(
    {
      impact: presentImpact(facts, options, locale),
      survey: await getSurveyResults(tenant, actor, trajectoryId, cohortId),
      kpis: kpis.kpis,
      kpiCaveat: kpis.caveat,
      organisationName: organisation?.name ?? "",
      cohortName: facts.scope.cohortId ? facts.scope.selected[0]!.name : null,
    },
    locale,
    options.summaryOnly,
  );
}

/** The tiers and their evidence as CSV, without names. */
export async function impactTiersCsv(scope: Scope, options: ExportOptions): Promise<string> {
  const view = await getImpact({ ...scope, locale: options.locale }, options);
  return tiersCsv(view, options.locale);
}

/** The evidence per learner as CSV: names, so coordinator only, and the download is logged. */
export async function impactLearnersCsv(scope: Scope, options: ExportOptions): Promise<string> {
  const { trajectoryId, cohortId, locale } = options;
  const facts = await gatherImpact(scope, { trajectoryId, cohortId, permission: "impact.people" });
  await recordAudit(scope.tenant, scope.actor, "impact.learners-exported", {
    type: "trajectory",
    id: trajectoryId,
  });
  return learnersCsv(facts, locale);
}
