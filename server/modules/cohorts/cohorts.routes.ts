import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  cohortDetail,
  cohortParams,
  cohortSummary,
  createCohortBody,
  updateCohortBody,
} from "../../../common/schemas/cohorts.ts";
import type { AppDeps } from "../../http/context.ts";
import { scopeOf } from "../../http/scope.ts";
import { cancelCohort, findCohorts, getCohort, planCohort, updateCohort } from "./cohorts.service.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["cohorts"];

/** Cohort planning: the cohorts, and each with every activity's date for every participant. */
export const cohortRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "jobs">> = async (app, { jobs }) => {
  app.get(
    "/api/cohorts",
    {
      schema: { tags, summary: "Planned cohorts", response: { 200: z.array(cohortSummary) } },
      config: signedIn,
    },
    async (request) => findCohorts(scopeOf(request)),
  );

  app.post(
    "/api/cohorts",
    {
      schema: {
        tags,
        summary: "Plan a cohort: practice-day dates and participants",
        body: createCohortBody,
        response: { 201: cohortDetail },
      },
      config: signedIn,
    },
    async (request, reply) => reply.status(201).send(await planCohort(scopeOf(request), request.body)),
  );

  app.get(
    "/api/cohorts/:cohortId",
    {
      schema: {
        tags,
        summary: "A cohort with every activity's date for every participant",
        params: cohortParams,
        response: { 200: cohortDetail },
      },
      config: signedIn,
    },
    async (request) => getCohort(scopeOf(request), request.params),
  );

  app.patch(
    "/api/cohorts/:cohortId",
    {
      schema: {
        tags,
        summary:
          "Change a cohort's name, practice days or participants; learners whose dates moved get one email",
        params: cohortParams,
        body: updateCohortBody,
        response: { 200: cohortDetail },
      },
      config: signedIn,
    },
    async (request) => updateCohort(scopeOf(request), { ...request.params, ...request.body }, { jobs }),
  );

  app.post(
    "/api/cohorts/:cohortId/cancel",
    {
      schema: {
        tags,
        summary: "Cancel a cohort: kept for history, gone from its learners' Today list and reminders",
        params: cohortParams,
        response: { 200: cohortDetail },
      },
      config: signedIn,
    },
    async (request) => cancelCohort(scopeOf(request), request.params),
  );
};
