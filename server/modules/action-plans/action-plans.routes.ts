import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  applicationParams,
  applicationView,
  createApplicationBody,
  createPlanBody,
  planCheckBody,
  planCheckResult,
  planParams,
  planView,
  updateApplicationBody,
  updatePlanBody,
} from "../../../common/schemas/action-plans.ts";
import { scopeOf } from "../../http/scope.ts";
import { createPlan, myPlans, setPlanArchived, updatePlan } from "./action-plans.service.ts";
import { checkPlan } from "./plan-checker.ts";
import { confirmApplication } from "./applications.service.ts";
import { deleteApplication } from "./applications.service.ts";
import { logApplication } from "./applications.service.ts";
import { updateApplication } from "./applications.service.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["action-plans"];

/** If-then plans, the application log and the manager's confirmation. */
export const actionPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/action-plans/check",
    {
      schema: {
        tags,
        summary: "Check the wording of an if-then plan; findings in the caller's language, nothing saved",
        body: planCheckBody,
        response: { 200: planCheckResult },
      },
      // Stateless like the design check: no sign-in, no tenant data.
      config: { access: "public" },
    },
    async (request) => ({ findings: checkPlan(request.body, request.locale) }),
  );

  app.post(
    "/api/action-plans",
    {
      schema: {
        tags,
        summary: "Write an if-then plan: when <situation>, I will <action>, first expected at <firstMoment>",
        body: createPlanBody,
        response: { 201: planView },
      },
      config: signedIn,
    },
    async (request, reply) => reply.status(201).send(await createPlan(scopeOf(request), request.body)),
  );

  app.get(
    "/api/me/action-plans",
    {
      schema: {
        tags,
        summary: "The learner's own plans and how each was applied",
        response: { 200: z.array(planView) },
      },
      config: signedIn,
    },
    async (request) => myPlans(scopeOf(request)),
  );

  app.post(
    "/api/action-plans/:planId/applications",
    {
      schema: {
        tags,
        summary: "Log that the situation came: when, what happened, how it went (or that you did not act)",
        params: planParams,
        body: createApplicationBody,
        response: { 201: applicationView },
      },
      config: signedIn,
    },
    async (request, reply) =>
      reply.status(201).send(await logApplication(scopeOf(request), { ...request.params, ...request.body })),
  );

  app.post(
    "/api/applications/:applicationId/confirmations",
    {
      schema: {
        tags,
        summary: "A manager of the learner's team confirms they saw the application (evidence of transfer)",
        params: applicationParams,
        response: { 200: applicationView },
      },
      config: signedIn,
    },
    async (request) => confirmApplication(scopeOf(request), request.params),
  );

  app.patch(
    "/api/action-plans/:planId",
    {
      schema: {
        tags,
        summary: "Correct your plan: the same checks as writing it, with the plan checker's findings",
        params: planParams,
        body: updatePlanBody,
        response: { 200: planView },
      },
      config: signedIn,
    },
    async (request) => updatePlan(scopeOf(request), { ...request.params, ...request.body }),
  );

  app.post(
    "/api/action-plans/:planId/archive",
    {
      schema: {
        tags,
        summary: "Archive your plan: hidden by default, no more reminders; it can be restored",
        params: planParams,
        response: { 200: planView },
      },
      config: signedIn,
    },
    async (request) => setPlanArchived(scopeOf(request), { ...request.params, archived: true }),
  );

  app.post(
    "/api/action-plans/:planId/restore",
    {
      schema: {
        tags,
        summary: "Bring an archived plan back",
        params: planParams,
        response: { 200: planView },
      },
      config: signedIn,
    },
    async (request) => setPlanArchived(scopeOf(request), { ...request.params, archived: false }),
  );

  app.patch(
    "/api/applications/:applicationId",
    {
      schema: {
        tags,
        summary: "Correct your logged application, until a manager confirmed it (409 after)",
        params: applicationParams,
        body: updateApplicationBody,
        response: { 200: applicationView },
      },
      config: signedIn,
    },
    async (request) => updateApplication(scopeOf(request), { ...request.params, ...request.body }),
  );

  app.delete(
    "/api/applications/:applicationId",
    {
      schema: {
        tags,
        summary: "Remove your logged application, until a manager confirmed it (409 after)",
        params: applicationParams,
      },
      config: signedIn,
    },
    async (request, reply) => {
      await deleteApplication(scopeOf(request), request.params);
      return reply.status(204).send();
    },
  );
};
