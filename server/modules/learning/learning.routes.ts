import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  activityDetail,
  activityParams,
  extraMaterialParams,
  extraMaterialView,
  progressBody,
  testAnswersBody,
  testResult,
  todayResponse,
} from "../../../common/schemas/learning.ts";
import { scopeOf } from "../../http/scope.ts";
import { statementsOf } from "../xapi/index.ts";
import {
  getActivity,
  getExtraMaterial,
  markExtraMaterialDone,
  setProgress,
  submitTest,
} from "./activities.service.ts";
import { getToday } from "./today.service.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["learner"];

/** The learner's side: what is due, content, tests. Everything is the signed-in person's own. */
export const learningRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/me/today",
    {
      schema: {
        tags,
        summary: "What is due today across the learner's cohorts",
        response: { 200: todayResponse },
      },
      config: signedIn,
    },
    async (request) => {
      const { tenant, actor, now } = scopeOf(request);
      return getToday(tenant, actor.personId, now);
    },
  );

  app.get(
    "/api/me/activities/:cohortId/:activityId",
    {
      schema: {
        tags,
        summary: "One activity of the learner's cohort: content, reading time, test questions, status",
        params: activityParams,
        response: { 200: activityDetail },
      },
      config: signedIn,
    },
    async (request) => getActivity(scopeOf(request), request.params),
  );

  app.post(
    "/api/me/activities/:cohortId/:activityId/progress",
    {
      schema: {
        tags,
        summary: "Mark an activity as done, or choose or skip an optional one",
        params: activityParams,
        body: progressBody,
        response: { 200: activityDetail },
      },
      config: signedIn,
    },
    async (request) => setProgress(scopeOf(request), { ...request.params, status: request.body.status }),
  );

  app.post(
    "/api/me/activities/:cohortId/:activityId/test",
    {
      schema: {
        tags,
        summary: "Hand in the insight test or competence proof; scored per competence",
        params: activityParams,
        body: testAnswersBody,
        response: { 201: testResult },
      },
      config: signedIn,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await submitTest(scopeOf(request), { ...request.params, answers: request.body.answers })),
  );

  app.get(
    "/api/me/extra-material/:cohortId/:competenceId",
    {
      schema: {
        tags,
        summary: "Extra material on a competence the learner keeps missing",
        params: extraMaterialParams,
        response: { 200: extraMaterialView },
      },
      config: signedIn,
    },
    async (request) => getExtraMaterial(scopeOf(request), request.params),
  );

  app.post(
    "/api/me/extra-material/:cohortId/:competenceId/done",
    {
      schema: {
        tags,
        summary: "Mark extra material as read",
        params: extraMaterialParams,
        response: { 200: extraMaterialView },
      },
      config: signedIn,
    },
    async (request) => markExtraMaterialDone(scopeOf(request), request.params),
  );

  app.get(
    "/api/me/statements",
    {
      schema: {
        tags,
        summary: "The learner's own xAPI statements (newest first), as stored in Beklijf's record store",
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
      config: signedIn,
    },
    async (request) => {
      const { tenant, actor } = scopeOf(request);
      return { statements: await statementsOf(tenant, actor.personId, request.query.limit) };
    },
  );
};
