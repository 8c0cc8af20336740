import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  activityDetail,
  activityParams,
  extraMaterialParams,
  extraMaterialView,
  practiceAnswerBody,
  practiceAnswerResult,
  practiceResponse,
  progressBody,
  testAnswersBody,
  testResult,
  todayResponse,
} from "../../../common/schemas/learning.ts";
import { surveyBody, surveyView } from "../../../common/schemas/impact.ts";
import { Tenant } from "../../db/tenant.ts";
import type { AppDeps } from "../../http/context.ts";
import { requireActor } from "../../http/request-context.ts";
import { answerCard } from "../practice/index.ts";
import { getPractice } from "../practice/index.ts";
import {
  getActivity,
  getExtraMaterial,
  markExtraMaterialDone,
  setProgress,
  submitTest,
} from "./activities.service.ts";
import { submitSurvey } from "../impact/index.ts";
import { enrolmentOf } from "../cohorts/index.ts";
import { statementsOf } from "./statements.service.ts";
import { getToday } from "./today.service.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["learner"];

/** The learner's side: what is due, content, practice, tests. Everything is the signed-in person's own. */
export const learningRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "database" | "clock" | "config">> = async (
  app,
  { database, clock, config },
) => {
  const tenantOf = (organisationId: string) => new Tenant(database.db, organisationId);
  const site = config.publicUrl;

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
      const actor = requireActor(request);
      return getToday(tenantOf(actor.organisationId), actor.personId, clock());
    },
  );

  app.get(
    "/api/me/practice",
    {
      schema: {
        tags,
        summary: "The practice cards due now that fit today's session, each with its question and options",
        response: { 200: practiceResponse },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return getPractice(tenantOf(actor.organisationId), actor, clock());
    },
  );

  app.post(
    "/api/practice-answers",
    {
      schema: {
        tags,
        summary: "Answer a practice card; the same clientId sent twice counts once",
        body: practiceAnswerBody,
        response: { 200: practiceAnswerResult },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return answerCard(tenantOf(actor.organisationId), actor, request.body, clock(), site);
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
    async (request) => {
      const actor = requireActor(request);
      const { cohortId, activityId } = request.params;
      return getActivity(tenantOf(actor.organisationId), actor, cohortId, activityId);
    },
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
    async (request) => {
      const actor = requireActor(request);
      const { cohortId, activityId } = request.params;
      return setProgress(
        tenantOf(actor.organisationId),
        actor,
        cohortId,
        activityId,
        request.body.status,
        clock(),
        site,
      );
    },
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
    async (request, reply) => {
      const actor = requireActor(request);
      const { cohortId, activityId } = request.params;
      const result = await submitTest(
        tenantOf(actor.organisationId),
        actor,
        cohortId,
        activityId,
        request.body.answers,
        clock(),
        site,
      );
      return reply.status(201).send(result);
    },
  );

  app.post(
    "/api/me/activities/:cohortId/:activityId/survey",
    {
      schema: {
        tags,
        summary: "Answer a learner survey (LTEM tier 3): concrete options, one submission",
        params: activityParams,
        body: surveyBody,
        response: { 201: surveyView },
      },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { cohortId, activityId } = request.params;
      const tenant = tenantOf(actor.organisationId);
      const enrolment = await enrolmentOf(tenant, actor.personId, cohortId);
      const result = await submitSurvey(
        tenant,
        actor,
        enrolment,
        activityId,
        request.body.answers,
        clock(),
        site,
      );
      return reply.status(201).send(result);
    },
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
    async (request) => {
      const actor = requireActor(request);
      const { cohortId, competenceId } = request.params;
      return getExtraMaterial(tenantOf(actor.organisationId), actor, cohortId, competenceId);
    },
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
    async (request) => {
      const actor = requireActor(request);
      const { cohortId, competenceId } = request.params;
      return markExtraMaterialDone(
        tenantOf(actor.organisationId),
        actor,
        cohortId,
        competenceId,
        clock(),
        site,
      );
    },
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
      const actor = requireActor(request);
      return {
        statements: await statementsOf(tenantOf(actor.organisationId), actor.personId, request.query.limit),
      };
    },
  );
};
