import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  assessmentBody,
  attendanceBody,
  attendanceView,
  impactQuery,
  interviewBody,
  kpiBody,
  kpiList,
  kpiView,
  successCasesView,
} from "../../../common/schemas/impact.ts";
import { trajectoryParams } from "../../../common/schemas/trajectories.ts";
import { Tenant } from "../../db/tenant.ts";
import type { AppDeps } from "../../http/context.ts";
import { requireActor } from "../../http/request-context.ts";
import { addKpi, deleteKpi, listKpis, updateKpi } from "./kpis.service.ts";
import { getAttendance, recordAssessment, recordAttendance } from "./records.service.ts";
import { getSuccessCases, recordInterview } from "./success-cases.service.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["impact"];
const cohortParams = z.object({ cohortId: z.uuid() });
const kpiParams = trajectoryParams.extend({ kpiId: z.uuid() });

/** What the coordinator records for the evaluation: attendance, assessments, KPIs, interviews. */
export const impactRecordRoutes: FastifyPluginAsyncZod<
  Pick<AppDeps, "database" | "clock" | "config">
> = async (app, { database, clock, config }) => {
  const tenantOf = (organisationId: string) => new Tenant(database.db, organisationId);

  app.get(
    "/api/cohorts/:cohortId/attendance",
    {
      schema: {
        tags,
        summary: "Who was present on each practice day",
        params: cohortParams,
        response: { 200: attendanceView },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return getAttendance(tenantOf(actor.organisationId), actor, request.params.cohortId);
    },
  );

  app.put(
    "/api/cohorts/:cohortId/attendance",
    {
      schema: {
        tags,
        summary: "Record a practice day's register (LTEM tier 1): the listed people present, the rest absent",
        params: cohortParams,
        body: attendanceBody,
        response: { 200: attendanceView },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return recordAttendance(
        tenantOf(actor.organisationId),
        actor,
        request.params.cohortId,
        request.body,
        clock(),
      );
    },
  );

  app.post(
    "/api/cohorts/:cohortId/assessments",
    {
      schema: {
        tags,
        summary:
          "An assessor's scores on a competence proof per competence (stored as the learner's measure)",
        params: cohortParams,
        body: assessmentBody,
        response: { 201: z.object({ recorded: z.number().int() }) },
      },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const tenant = tenantOf(actor.organisationId);
      const result = await recordAssessment(
        tenant,
        actor,
        request.params.cohortId,
        request.body,
        clock(),
        config.publicUrl,
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    "/api/trajectories/:trajectoryId/kpis",
    {
      schema: {
        tags,
        summary: "Organisation figures before and after (LTEM tier 8)",
        params: trajectoryParams,
        response: { 200: kpiList },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return listKpis(tenantOf(actor.organisationId), actor, request.params.trajectoryId, request.locale);
    },
  );

  app.post(
    "/api/trajectories/:trajectoryId/kpis",
    {
      schema: {
        tags,
        summary: "Record an organisation figure",
        params: trajectoryParams,
        body: kpiBody,
        response: { 201: kpiView },
      },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const kpi = await addKpi(
        tenantOf(actor.organisationId),
        actor,
        request.params.trajectoryId,
        request.body,
        clock(),
      );
      return reply.status(201).send(kpi);
    },
  );

  app.put(
    "/api/trajectories/:trajectoryId/kpis/:kpiId",
    {
      schema: {
        tags,
        summary: "Change an organisation figure (add the after value)",
        params: kpiParams,
        body: kpiBody,
        response: { 200: kpiView },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      const { trajectoryId, kpiId } = request.params;
      return updateKpi(tenantOf(actor.organisationId), actor, trajectoryId, kpiId, request.body);
    },
  );

  app.delete(
    "/api/trajectories/:trajectoryId/kpis/:kpiId",
    {
      schema: { tags, summary: "Remove an organisation figure", params: kpiParams },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { trajectoryId, kpiId } = request.params;
      await deleteKpi(tenantOf(actor.organisationId), actor, trajectoryId, kpiId);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/trajectories/:trajectoryId/success-cases",
    {
      schema: {
        tags,
        summary:
          "Most and least successful learners who agreed to be asked (coordinator; the view is logged)",
        params: trajectoryParams,
        querystring: impactQuery.pick({ cohortId: true }),
        response: { 200: successCasesView },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      const { trajectoryId } = request.params;
      return getSuccessCases(
        tenantOf(actor.organisationId),
        actor,
        trajectoryId,
        request.query.cohortId,
        clock(),
      );
    },
  );

  app.post(
    "/api/trajectories/:trajectoryId/success-cases/interviews",
    {
      schema: {
        tags,
        summary:
          "Save a structured success-case interview: what was used, what came of it, what helped and hindered",
        params: trajectoryParams,
        body: interviewBody,
        response: { 201: z.object({ id: z.string(), createdAt: z.string() }) },
      },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const saved = await recordInterview(
        tenantOf(actor.organisationId),
        actor,
        request.params.trajectoryId,
        request.body,
        clock(),
      );
      return reply.status(201).send(saved);
    },
  );
};
