import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  assessmentBody,
  attendanceBody,
  attendanceView,
  impactQuery,
  interviewBody,
  interviewSaved,
  kpiBody,
  kpiList,
  kpiView,
  successCasesView,
  updateInterviewBody,
} from "../../../common/schemas/impact.ts";
import { trajectoryParams } from "../../../common/schemas/trajectories.ts";
import { scopeOf } from "../../http/scope.ts";
import { addKpi, deleteKpi, listKpis, updateKpi } from "./kpis.service.ts";
import { getAttendance, recordAssessment, recordAttendance } from "./records.service.ts";
import {
  finaliseInterview,
  getSuccessCases,
  recordInterview,
  updateInterview,
} from "./success-cases.service.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["impact"];
const cohortParams = z.object({ cohortId: z.uuid() });
const kpiParams = trajectoryParams.extend({ kpiId: z.uuid() });
const interviewParams = trajectoryParams.extend({ interviewId: z.uuid() });

/** What the coordinator records for the evaluation: attendance, assessments, KPIs, interviews. */
export const impactRecordRoutes: FastifyPluginAsyncZod = async (app) => {
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
    async (request) => getAttendance(scopeOf(request), request.params),
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
    async (request) => recordAttendance(scopeOf(request), { ...request.params, ...request.body }),
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
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordAssessment(scopeOf(request), { ...request.params, ...request.body })),
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
    async (request) => listKpis(scopeOf(request), request.params),
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
    async (request, reply) =>
      reply.status(201).send(await addKpi(scopeOf(request), { ...request.params, ...request.body })),
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
    async (request) => updateKpi(scopeOf(request), { ...request.params, ...request.body }),
  );

  app.delete(
    "/api/trajectories/:trajectoryId/kpis/:kpiId",
    {
      schema: { tags, summary: "Remove an organisation figure", params: kpiParams },
      config: signedIn,
    },
    async (request, reply) => {
      await deleteKpi(scopeOf(request), request.params);
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
    async (request) => getSuccessCases(scopeOf(request), { ...request.params, ...request.query }),
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
        response: { 201: interviewSaved },
      },
      config: signedIn,
    },
    async (request, reply) =>
      reply.status(201).send(await recordInterview(scopeOf(request), { ...request.params, ...request.body })),
  );

  app.patch(
    "/api/trajectories/:trajectoryId/success-cases/interviews/:interviewId",
    {
      schema: {
        tags,
        summary: "Correct an interview's notes (409 once it is marked final)",
        params: interviewParams,
        body: updateInterviewBody,
        response: { 200: interviewSaved },
      },
      config: signedIn,
    },
    async (request) => updateInterview(scopeOf(request), { ...request.params, ...request.body }),
  );

  app.post(
    "/api/trajectories/:trajectoryId/success-cases/interviews/:interviewId/final",
    {
      schema: {
        tags,
        summary: "Mark an interview final: from then on its notes do not change",
        params: interviewParams,
        response: { 200: interviewSaved },
      },
      config: signedIn,
    },
    async (request) => finaliseInterview(scopeOf(request), request.params),
  );
};
