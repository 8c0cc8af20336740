import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { isLocale, type Locale } from "../../../common/locales.ts";
import {
  effectSizeBody,
  effectSizeResult,
  impactQuery,
  impactView,
  standardsBody,
  surveyResultsView,
} from "../../../common/schemas/impact.ts";
import { trajectoryParams } from "../../../common/schemas/trajectories.ts";
import { scopeOf } from "../../http/scope.ts";
import { calculateEffectSize } from "./effect-size-calculator.ts";
import { impactLearnersCsv, impactReportPdf, impactTiersCsv } from "./impact-exports.service.ts";
import { getImpact } from "./impact.service.ts";
import { getSurveyResults, setStandards } from "./survey.service.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["impact"];
const reportQuery = impactQuery.extend({
  /** The report's language; a browser download cannot send the app's language as a header. */
  lang: z.enum(["nl", "en"]).optional(),
  summary: z.enum(["true", "false"]).optional(),
});
const localeOf = (asked: string | undefined, fallback: Locale): Locale =>
  asked && isLocale(asked) ? asked : fallback;

/** The impact dashboard, its downloads and the survey's standards. */
export const impactRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/effect-sizes",
    {
      schema: {
        tags,
        summary: "Stateless effect-size calculator: g, d_z and d_rm, or d_ppc2, with 95% intervals",
        body: effectSizeBody,
        response: { 200: effectSizeResult },
      },
      config: { access: "public", rateLimit: { max: 300, timeWindow: "1 minute" } },
      bodyLimit: 1024 * 1024,
    },
    async (request) => calculateEffectSize(request.body, request.locale),
  );

  app.get(
    "/api/trajectories/:trajectoryId/impact",
    {
      schema: {
        tags,
        summary:
          "Evidence per LTEM tier (1–8) and how many learners reached it, with the pre/post effect size",
        params: trajectoryParams,
        querystring: impactQuery,
        response: { 200: impactView },
      },
      config: signedIn,
    },
    async (request) => getImpact(scopeOf(request), { ...request.params, ...request.query }),
  );

  app.get(
    "/api/trajectories/:trajectoryId/impact/report.pdf",
    {
      schema: {
        tags,
        summary:
          "The impact report as PDF: a one-page summary, then the evidence (summary=true: the page only)",
        params: trajectoryParams,
        querystring: reportQuery,
      },
      config: signedIn,
    },
    async (request, reply) => {
      const { trajectoryId } = request.params;
      const summaryOnly = request.query.summary === "true";
      const pdf = await impactReportPdf(scopeOf(request), {
        ...request.query,
        trajectoryId,
        locale: localeOf(request.query.lang, request.locale),
        summaryOnly,
      });
      const name = summaryOnly ? "impact-summary" : "impact-report";
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${name}-${trajectoryId}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    "/api/trajectories/:trajectoryId/impact/tiers.csv",
    {
      schema: {
        tags,
        summary: "The tiers and their evidence as CSV (no names)",
        params: trajectoryParams,
        querystring: reportQuery,
      },
      config: signedIn,
    },
    async (request, reply) => {
      const { trajectoryId } = request.params;
      const csv = await impactTiersCsv(scopeOf(request), {
        ...request.query,
        trajectoryId,
        locale: localeOf(request.query.lang, request.locale),
      });
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="impact-tiers-${trajectoryId}.csv"`)
        .send(csv);
    },
  );

  app.get(
    "/api/trajectories/:trajectoryId/impact/learners.csv",
    {
      schema: {
        tags,
        summary: "The evidence per learner as CSV (coordinator only; the download is logged)",
        params: trajectoryParams,
        querystring: reportQuery,
      },
      config: signedIn,
    },
    async (request, reply) => {
      const { trajectoryId } = request.params;
      const csv = await impactLearnersCsv(scopeOf(request), {
        ...request.query,
        trajectoryId,
        locale: localeOf(request.query.lang, request.locale),
      });
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="impact-learners-${trajectoryId}.csv"`)
        .send(csv);
    },
  );

  app.get(
    "/api/trajectories/:trajectoryId/survey-results",
    {
      schema: {
        tags,
        summary: "Learner survey answers against the standards set before the data were read",
        params: trajectoryParams,
        querystring: impactQuery.pick({ cohortId: true }),
        response: { 200: surveyResultsView },
      },
      config: signedIn,
    },
    async (request) => {
      const { tenant, actor } = scopeOf(request);
      return getSurveyResults(tenant, actor, request.params.trajectoryId, request.query.cohortId);
    },
  );

  app.put(
    "/api/trajectories/:trajectoryId/survey-standards",
    {
      schema: {
        tags,
        summary: "Set the survey's answer standards; refused once the first answer is in",
        params: trajectoryParams,
        body: standardsBody,
        response: { 200: surveyResultsView },
      },
      config: signedIn,
    },
    async (request) => {
      const { tenant, actor, now } = scopeOf(request);
      return setStandards(tenant, actor, request.params.trajectoryId, request.body.standards, now);
    },
  );
};
