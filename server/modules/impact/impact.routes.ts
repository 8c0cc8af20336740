import { eq } from "drizzle-orm";
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
import { organisations } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import type { AppDeps } from "../../http/context.ts";
import { requireActor } from "../../http/request-context.ts";
import { calculateEffectSize } from "./effect-size-calculator.ts";
import { learnersCsv, tiersCsv } from "./impact.csv.ts";
import { renderImpactReport } from "./impact.report.ts";
import { gatherImpact, getImpact, presentImpact } from "./impact.service.ts";
import { listKpis } from "./kpis.service.ts";
import { getSurveyResults, setStandards } from "./survey.service.ts";
import { recordAudit } from "../../audit.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["impact"];
const reportQuery = impactQuery.extend({
  /** The report's language; a browser download cannot send the app's language as a header. */
  lang: z.enum(["nl", "en"]).optional(),
  summary: z.enum(["true", "false"]).optional(),
});

export const impactRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "database" | "clock">> = async (
  app,
  { database, clock },
) => {
  const tenantOf = (organisationId: string) => new Tenant(database.db, organisationId);
  const localeOf = (asked: string | undefined, fallback: Locale): Locale =>
    asked && isLocale(asked) ? asked : fallback;

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
    async (request) => {
      const actor = requireActor(request);
      const { trajectoryId } = request.params;
      return getImpact(
        tenantOf(actor.organisationId),
        actor,
        trajectoryId,
        request.query,
        request.locale,
        clock(),
      );
    },
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
      const actor = requireActor(request);
      const tenant = tenantOf(actor.organisationId);
      const locale = localeOf(request.query.lang, request.locale);
      const { trajectoryId } = request.params;
      const facts = await gatherImpact(tenant, actor, trajectoryId, request.query.cohortId, clock());
      const [organisation] = await database.db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, actor.organisationId));
      const pdf = await renderImpactReport(
        {
          impact: presentImpact(facts, request.query, locale),
          survey: await getSurveyResults(tenant, actor, trajectoryId, request.query.cohortId),
          ...(await listKpis(tenant, actor, trajectoryId, locale).then((k) => ({
            kpis: k.kpis,
            kpiCaveat: k.caveat,
          }))),
          organisationName: organisation?.name ?? "",
          cohortName: facts.scope.cohortId ? facts.scope.selected[0]!.name : null,
        },
        locale,
        request.query.summary === "true",
      );
      const name = request.query.summary === "true" ? "impact-summary" : "impact-report";
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
      const actor = requireActor(request);
      const locale = localeOf(request.query.lang, request.locale);
      const view = await getImpact(
        tenantOf(actor.organisationId),
        actor,
        request.params.trajectoryId,
        request.query,
        locale,
        clock(),
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="impact-tiers-${view.trajectoryId}.csv"`)
        .send(tiersCsv(view, locale));
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
      const actor = requireActor(request);
      const tenant = tenantOf(actor.organisationId);
      const locale = localeOf(request.query.lang, request.locale);
      const { trajectoryId } = request.params;
      const facts = await gatherImpact(
        tenant,
        actor,
        trajectoryId,
        request.query.cohortId,
        clock(),
        "impact.people",
      );
      await recordAudit(tenant, actor, "impact.learners-exported", { type: "trajectory", id: trajectoryId });
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="impact-learners-${trajectoryId}.csv"`)
        .send(learnersCsv(facts, locale));
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
      const actor = requireActor(request);
      return getSurveyResults(
        tenantOf(actor.organisationId),
        actor,
        request.params.trajectoryId,
        request.query.cohortId,
      );
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
      const actor = requireActor(request);
      return setStandards(
        tenantOf(actor.organisationId),
        actor,
        request.params.trajectoryId,
        request.body.standards,
        clock(),
      );
    },
  );
};
