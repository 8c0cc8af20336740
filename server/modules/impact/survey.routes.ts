import { surveyBody, surveyView } from "../../../common/schemas/impact.ts";
import { activityParams } from "../../../common/schemas/learning.ts";
import { defineRoutes, route } from "../../http/route-table.ts";
import { submitSurvey } from "./survey.service.ts";

/** The learner's side of impact: answering a survey activity of their own cohort. */
export const impactSurveyRoutes = defineRoutes(
  ["learner"],
  [
    route.post(
      "/api/me/activities/:cohortId/:activityId/survey",
      {
        summary: "Answer a learner survey (LTEM tier 3): concrete options, one submission",
        params: activityParams,
        body: surveyBody,
        response: surveyView,
        status: 201,
      },
      (scope, { params, body }) => submitSurvey(scope, { ...params, answers: body.answers }),
    ),
  ],
);
