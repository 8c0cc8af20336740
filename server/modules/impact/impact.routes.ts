import { z } from "zod";
import { isLocale, supportedLocales, type Locale } from "../../../common/locales.ts";
import {
  effectSizeBody,
  effectSizeResult,
  impactQuery,
  impactView,
  standardsBody,
  surveyResultsView,
} from "../../../common/schemas/impact.ts";
import { trajectoryParams } from "../../../common/schemas/trajectories.ts";
import {
  attachment,
  defineRoutes,
  publicRoute,
  route,
  type RouteInput,
  withHeaders,
} from "../../http/route-table.ts";
import type { Scope } from "../../http/scope.ts";
import { calculateEffectSize } from "./effect-size-calculator.ts";
import { impactLearnersCsv, impactReportPdf, impactTiersCsv } from "./impact-exports.service.ts";
import { getImpact } from "./impact.service.ts";
import { getSurveyResults, setStandards } from "./survey.service.ts";

const reportQuery = impactQuery.extend({
  /** The report's language; a browser download cannot send the app's language as a header. */
  lang: z.enum(supportedLocales).optional(),
  summary: z.enum(["true", "false"]).optional(),
});
const localeOf = (asked: string | undefined, fallback: Locale): Locale =>
  asked && isLocale(asked) ? asked : fallback;

/** A download's options: the filters asked for, in the language asked for, else the reader's. */
const reportOptions = (
  scope: Scope,
  { params, query }: RouteInput<typeof trajectoryParams, typeof reportQuery, undefined>,
) => ({
  ...query,
  trajectoryId: params.trajectoryId,
  locale: localeOf(query.lang, scope.locale),
});

/** A CSV download of the impact evidence, named after what it holds and the trajectory. */
const csvDownload = (
  name: "tiers" | "learners",
  summary: string,
  render: (scope: Scope, options: ReturnType<typeof reportOptions>) => Promise<string>,
) =>
  route.get(
    `/api/trajectories/:trajectoryId/impact/${name}.csv`,
    { summary, params: trajectoryParams, query: reportQuery },
    async (scope, input) =>
      withHeaders(
        attachment(`impact-${name}-${input.params.trajectoryId}.csv`, "text/csv; charset=utf-8"),
        await render(scope, reportOptions(scope, input)),
      ),
  );

/** The impact dashboard, its downloads and the survey's standards. */
export const impactRoutes = defineRoutes(
  ["impact"],
  [
    publicRoute.post(
      "/api/effect-sizes",
      {
        summary: "Stateless effect-size calculator: g, d_z and d_rm, or d_ppc2, with 95% intervals",
        body: effectSizeBody,
        response: effectSizeResult,
        rateLimit: { max: 300, timeWindow: "1 minute" },
        bodyLimit: 1024 * 1024,
      },
      (request, { body }) => calculateEffectSize(body, request.locale),
    ),

    route.get(
      "/api/trajectories/:trajectoryId/impact",
      {
        summary:
          "Evidence per LTEM tier (1–8) and how many learners reached it, with the pre/post effect size",
        params: trajectoryParams,
        query: impactQuery,
        response: impactView,
      },
      (scope, { params, query }) => getImpact(scope, { ...params, ...query }),
    ),

    route.get(
      "/api/trajectories/:trajectoryId/impact/report.pdf",
      {
        summary:
          "The impact report as PDF: a one-page summary, then the evidence (summary=true: the page only)",
        params: trajectoryParams,
        query: reportQuery,
      },
      async (scope, input) => {
        const summaryOnly = input.query.summary === "true";
        const pdf = await impactReportPdf(scope, { ...reportOptions(scope, input), summaryOnly });
        const name = summaryOnly ? "impact-summary" : "impact-report";
        return withHeaders(attachment(`${name}-${input.params.trajectoryId}.pdf`, "application/pdf"), pdf);
      },
    ),

    csvDownload("tiers", "The tiers and their evidence as CSV (no names)", impactTiersCsv),

    csvDownload(
      "learners",
      "The evidence per learner as CSV (coordinator only; the download is logged)",
      impactLearnersCsv,
    ),

    route.get(
      "/api/trajectories/:trajectoryId/survey-results",
      {
        summary: "Learner survey answers against the standards set before the data were read",
        params: trajectoryParams,
        query: impactQuery.pick({ cohortId: true }),
        response: surveyResultsView,
      },
      ({ tenant, actor }, { params, query }) =>
        getSurveyResults(tenant, actor, params.trajectoryId, query.cohortId),
    ),

    route.put(
      "/api/trajectories/:trajectoryId/survey-standards",
      {
        summary: "Set the survey's answer standards; refused once the first answer is in",
        params: trajectoryParams,
        body: standardsBody,
        response: surveyResultsView,
      },
      (scope, { params, body }) =>
        setStandards(scope, { trajectoryId: params.trajectoryId, standards: body.standards }),
    ),
  ],
);
