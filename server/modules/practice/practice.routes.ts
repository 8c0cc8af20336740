import {
  practiceAnswerBody,
  practiceAnswerResult,
  practiceResponse,
} from "../../../common/schemas/learning.ts";
import { defineRoutes, route } from "../../http/route-table.ts";
import { answerCard } from "./practice-answers.service.ts";
import { getPractice } from "./practice.service.ts";

/** Spaced practice: the cards due in today's session and the answers to them. Always the signed-in person's own. */
export const practiceRoutes = defineRoutes(
  ["learner"],
  [
    route.get(
      "/api/me/practice",
      {
        summary: "The practice cards due now that fit today's session, each with its question and options",
        response: practiceResponse,
      },
      (scope) => getPractice(scope),
    ),

    route.post(
      "/api/practice-answers",
      {
        summary: "Answer a practice card; the same clientId sent twice counts once",
        body: practiceAnswerBody,
        response: practiceAnswerResult,
      },
      (scope, { body }) => answerCard(scope, body),
    ),
  ],
);
