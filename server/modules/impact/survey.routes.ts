import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { surveyBody, surveyView } from "../../../common/schemas/impact.ts";
import { activityParams } from "../../../common/schemas/learning.ts";
import { scopeOf } from "../../http/scope.ts";
import { submitSurvey } from "./survey.service.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["learner"];

/** The learner's side of impact: answering a survey activity of their own cohort. */
export const impactSurveyRoutes: FastifyPluginAsyncZod = async (app) => {
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
    async (request, reply) =>
      reply
        .status(201)
        .send(await submitSurvey(scopeOf(request), { ...request.params, answers: request.body.answers })),
  );
};
