import { z } from "zod";
import {
  importQuestionsBody,
  importQuestionsResult,
  questionBank,
  questionInput,
  questionParams,
  questionView,
} from "../../../common/schemas/questions.ts";
import { trajectoryParams } from "../../../common/schemas/trajectories.ts";
import { attachment, defineRoutes, route, withHeaders } from "../../http/route-table.ts";
import {
  createQuestion,
  deleteQuestion,
  exportQuestions,
  getQuestionBank,
  importQuestions,
  updateQuestion,
} from "./questions.service.ts";

/** The designer's question bank of a trajectory. */
export const questionRoutes = defineRoutes(
  ["questions"],
  [
    route.get(
      "/api/trajectories/:trajectoryId/questions",
      {
        summary: "The trajectory's questions, and which competences learners keep missing",
        params: trajectoryParams,
        response: questionBank,
      },
      (scope, { params }) => getQuestionBank(scope, params),
    ),

    route.post(
      "/api/trajectories/:trajectoryId/questions",
      {
        summary: "Add a question: multiple choice, scenario (feedback per option) or open",
        params: trajectoryParams,
        body: questionInput,
        response: questionView,
        status: 201,
      },
      (scope, { params, body }) => createQuestion(scope, { ...params, question: body }),
    ),

    route.put(
      "/api/trajectories/:trajectoryId/questions/:questionId",
      { summary: "Change a question", params: questionParams, body: questionInput },
      (scope, { params, body }) => updateQuestion(scope, { ...params, question: body }),
    ),

    route.delete(
      "/api/trajectories/:trajectoryId/questions/:questionId",
      {
        summary: "Remove a question from the bank and from practice; answers given to it are kept",
        params: questionParams,
        status: 204,
      },
      (scope, { params }) => deleteQuestion(scope, params),
    ),

    route.get(
      "/api/trajectories/:trajectoryId/questions/export",
      {
        summary: "Download the question bank as CSV (semicolons, for spreadsheets) or JSON",
        params: trajectoryParams,
        query: z.object({ format: z.enum(["csv", "json"]).default("csv") }),
      },
      async (scope, { params, query: { format } }) =>
        withHeaders(
          attachment(
            `questions.${format}`,
            format === "csv" ? "text/csv; charset=utf-8" : "application/json",
          ),
          await exportQuestions(scope, { ...params, format }),
        ),
    ),

    route.post(
      "/api/trajectories/:trajectoryId/questions/import",
      {
        summary: "Add questions from a CSV or JSON file: all rows or none",
        params: trajectoryParams,
        body: importQuestionsBody,
        response: importQuestionsResult,
        status: 201,
        bodyLimit: 3 * 1024 * 1024,
      },
      (scope, { params, body }) => importQuestions(scope, { ...params, file: body }),
    ),
  ],
);
