import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { planCheckBody, planCheckResult } from "../../../common/schemas/action-plans.ts";
import { checkPlan } from "./plan-checker.ts";

/** The if-then plan coach. Stateless and public like the design check: nothing is saved. */
export const actionPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/action-plans/check",
    {
      schema: {
        tags: ["action-plans"],
        summary: "Check the wording of an if-then plan; findings in the caller's language, nothing saved",
        body: planCheckBody,
        response: { 200: planCheckResult },
      },
      config: { access: "public" },
    },
    async (request) => ({ findings: checkPlan(request.body, request.locale) }),
  );
};
