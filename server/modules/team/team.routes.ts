import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkInBody, checkInView, enrolmentView, teamView } from "../../../common/schemas/action-plans.ts";
import { Tenant } from "../../db/tenant.ts";
import type { AppDeps } from "../../http/context.ts";
import { requireActor } from "../../http/request-context.ts";
import { enrolmentChoices } from "../cohorts/index.ts";
import { getTeamView, recordCheckIn } from "./team.service.ts";

const signedIn = { access: "signed-in" } as const;

export const teamRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "database" | "clock">> = async (
  app,
  { database, clock },
) => {
  const tenantOf = (organisationId: string) => new Tenant(database.db, organisationId);

  app.get(
    "/api/team",
    {
      schema: {
        tags: ["team"],
        summary: "The manager's teams: each member's enrolments and progress, plans and applications",
        response: { 200: teamView },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return getTeamView(tenantOf(actor.organisationId), actor.personId, request.locale, clock());
    },
  );

  app.post(
    "/api/team/check-ins",
    {
      schema: {
        tags: ["team"],
        summary:
          "Record a check-in with a team member (before or after the training) and the agreements made",
        body: checkInBody,
        response: { 201: checkInView },
      },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const saved = await recordCheckIn(
        tenantOf(actor.organisationId),
        actor.personId,
        request.body,
        "screen",
        clock(),
      );
      return reply.status(201).send(saved);
    },
  );

  app.get(
    "/api/me/enrolments",
    {
      schema: {
        tags: ["learner"],
        summary: "The learner's cohorts with their trajectory's competences (for plans)",
        response: { 200: z.array(enrolmentView) },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return enrolmentChoices(tenantOf(actor.organisationId), actor.personId);
    },
  );
};
