import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  cohortDetail,
  cohortParams,
  cohortSummary,
  createCohortBody,
} from "../../../common/schemas/cohorts.ts";
import { Tenant } from "../../db/tenant.ts";
import type { AppDeps } from "../../http/context.ts";
import { requireActor } from "../../http/request-context.ts";
import { findCohorts, getCohort, planCohort } from "./cohorts.service.ts";

const signedIn = { access: "signed-in" } as const;

export const cohortRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "database" | "clock">> = async (
  app,
  { database, clock },
) => {
  const tenantOf = (organisationId: string) => new Tenant(database.db, organisationId);

  app.get(
    "/api/cohorts",
    {
      schema: { tags: ["cohorts"], summary: "Planned cohorts", response: { 200: z.array(cohortSummary) } },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return findCohorts(tenantOf(actor.organisationId), actor);
    },
  );

  app.post(
    "/api/cohorts",
    {
      schema: {
        tags: ["cohorts"],
        summary: "Plan a cohort: practice-day dates and participants",
        body: createCohortBody,
        response: { 201: cohortDetail },
      },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply
        .status(201)
        .send(await planCohort(tenantOf(actor.organisationId), actor, request.body, clock()));
    },
  );

  app.get(
    "/api/cohorts/:cohortId",
    {
      schema: {
        tags: ["cohorts"],
        summary: "A cohort with every activity's date for every participant",
        params: cohortParams,
        response: { 200: cohortDetail },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return getCohort(tenantOf(actor.organisationId), actor, request.params.cohortId);
    },
  );
};
