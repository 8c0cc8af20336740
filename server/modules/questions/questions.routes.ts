import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
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
import { scopeOf } from "../../http/scope.ts";
import {
  createQuestion,
  deleteQuestion,
  exportQuestions,
  getQuestionBank,
  importQuestions,
  updateQuestion,
} from "./questions.service.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["questions"];

/** The designer's question bank of a trajectory. */
export const questionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/trajectories/:trajectoryId/questions",
    {
      schema: {
        tags,
        summary: "The trajectory's questions, and which competences learners keep missing",
        params: trajectoryParams,
        response: { 200: questionBank },
      },
      config: signedIn,
    },
    async (request) => getQuestionBank(scopeOf(request), request.params),
  );

  app.post(
    "/api/trajectories/:trajectoryId/questions",
    {
      schema: {
        tags,
        summary: "Add a question: multiple choice, scenario (feedback per option) or open",
        params: trajectoryParams,
        body: questionInput,
        response: { 201: questionView },
      },
      config: signedIn,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createQuestion(scopeOf(request), { ...request.params, question: request.body })),
  );

  app.put(
    "/api/trajectories/:trajectoryId/questions/:questionId",
    {
      schema: { tags, summary: "Change a question", params: questionParams, body: questionInput },
      config: signedIn,
    },
    async (request) => updateQuestion(scopeOf(request), { ...request.params, question: request.body }),
  );

  app.delete(
    "/api/trajectories/:trajectoryId/questions/:questionId",
    {
      schema: {
        tags,
        summary: "Remove a question from the bank and from practice; answers given to it are kept",
        params: questionParams,
      },
      config: signedIn,
    },
    async (request, reply) => {
      await deleteQuestion(scopeOf(request), request.params);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/trajectories/:trajectoryId/questions/export",
    {
      schema: {
        tags,
        summary: "Download the question bank as CSV (semicolons, for spreadsheets) or JSON",
        params: trajectoryParams,
        querystring: z.object({ format: z.enum(["csv", "json"]).default("csv") }),
      },
      config: signedIn,
    },
    async (request, reply) => {
      const { format } = request.query;
      const body = await exportQuestions(scopeOf(request), { ...request.params, format });
      return reply
        .header("content-type", format === "csv" ? "text/csv; charset=utf-8" : "application/json")
        .header("content-disposition", `attachment; filename="questions.${format}"`)
        .send(body);
    },
  );

  app.post(
    "/api/trajectories/:trajectoryId/questions/import",
    {
      schema: {
        tags,
        summary: "Add questions from a CSV or JSON file: all rows or none",
        params: trajectoryParams,
        body: importQuestionsBody,
        response: { 201: importQuestionsResult },
      },
      config: signedIn,
      bodyLimit: 3 * 1024 * 1024,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await importQuestions(scopeOf(request), { ...request.params, file: request.body })),
  );
};
