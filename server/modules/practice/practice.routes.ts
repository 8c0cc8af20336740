import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  practiceAnswerBody,
  practiceAnswerResult,
  practiceResponse,
} from "../../../common/schemas/learning.ts";
import { scopeOf } from "../../http/scope.ts";
import { answerCard } from "./practice-answers.service.ts";
import { getPractice } from "./practice.service.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["learner"];

/** Spaced practice: the cards due in today's session and the answers to them. Always the signed-in person's own. */
export const practiceRoutes: FastifyPluginAsyncZod = async (app) => {
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
    async (request) => getPractice(scopeOf(request)),
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
    async (request) => answerCard(scopeOf(request), request.body),
  );
};
