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
  pulseBody,
  pulseView,
  updateApplicationBody,
  updatePlanBody,
} from "../../../common/schemas/action-plans.ts";
import { defineRoutes, publicRoute, route } from "../../http/route-table.ts";
import { createPlan, myPlans, setPlanArchived, updatePlan } from "./action-plans.service.ts";
import { checkPlan } from "./plan-checker.ts";
import { confirmApplication } from "./applications.service.ts";
import { deleteApplication } from "./applications.service.ts";
import { logApplication } from "./applications.service.ts";
import { updateApplication } from "./applications.service.ts";
import { givePulse, myPulse } from "./pulse.service.ts";

/** If-then plans, the application log and the manager's confirmation. */
export const actionPlanRoutes = defineRoutes(
  ["action-plans"],
  [
    // Stateless like the design check: no sign-in, no tenant data.
    publicRoute.post(
      "/api/action-plans/check",
      {
        summary: "Check the wording of an if-then plan; findings in the caller's language, nothing saved",
        body: planCheckBody,
        response: planCheckResult,
      },
      (request, { body }) => ({ findings: checkPlan(body, request.locale) }),
    ),

    route.post(
      "/api/action-plans",
      {
        summary: "Write an if-then plan: when <situation>, I will <action>, first expected at <firstMoment>",
        body: createPlanBody,
        response: planView,
        status: 201,
      },
      (scope, { body }) => createPlan(scope, body),
    ),

    route.get(
      "/api/me/action-plans",
      { summary: "The learner's own plans and how each was applied", response: z.array(planView) },
      (scope) => myPlans(scope),
    ),

    route.post(
      "/api/action-plans/:planId/applications",
      {
        summary: "Log that the situation came: when, what happened, how it went (or that you did not act)",
        params: planParams,
        body: createApplicationBody,
        response: applicationView,
        status: 201,
      },
      (scope, { params, body }) => logApplication(scope, { ...params, ...body }),
    ),

    route.post(
      "/api/applications/:applicationId/confirmations",
      {
        summary: "A manager of the learner's team confirms they saw the application (evidence of transfer)",
        params: applicationParams,
        response: applicationView,
      },
      (scope, { params }) => confirmApplication(scope, params),
    ),

    route.patch(
      "/api/action-plans/:planId",
      {
        summary: "Correct your plan: the same checks as writing it, with the plan checker's findings",
        params: planParams,
        body: updatePlanBody,
        response: planView,
      },
      (scope, { params, body }) => updatePlan(scope, { ...params, ...body }),
    ),

    route.post(
      "/api/action-plans/:planId/archive",
      {
        summary: "Archive your plan: hidden by default, no more reminders; it can be restored",
        params: planParams,
        response: planView,
      },
      (scope, { params }) => setPlanArchived(scope, { ...params, archived: true }),
    ),

    route.post(
      "/api/action-plans/:planId/restore",
      { summary: "Bring an archived plan back", params: planParams, response: planView },
      (scope, { params }) => setPlanArchived(scope, { ...params, archived: false }),
    ),

    route.patch(
      "/api/applications/:applicationId",
      {
        summary: "Correct your logged application, until a manager confirmed it (409 after)",
        params: applicationParams,
        body: updateApplicationBody,
        response: applicationView,
      },
      (scope, { params, body }) => updateApplication(scope, { ...params, ...body }),
    ),

    route.get(
      "/api/me/plan-pulse",
      {
        summary:
          "This week's pulse: each open plan with the learner's rating so far this week (did it, tried, not yet)",
        response: pulseView,
      },
      (scope) => myPulse(scope),
    ),

    route.put(
      "/api/me/plans/:planId/pulse",
      {
        summary:
          "Rate an open plan for this week in one tap; one record per plan and week, a second tap changes it",
        params: planParams,
        body: pulseBody,
        response: pulseView,
      },
      (scope, { params, body }) => givePulse(scope, { ...params, ...body }),
    ),

    route.delete(
      "/api/applications/:applicationId",
      {
        summary: "Remove your logged application, until a manager confirmed it (409 after)",
        params: applicationParams,
        status: 204,
      },
      (scope, { params }) => deleteApplication(scope, params),
    ),
  ],
);
