import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  answerInvitationBody,
  coachView,
  inviteCoacheeBody,
  myCoachingView,
  relationParams,
  sessionBody,
  sessionView,
} from "../../../common/schemas/coaching.ts";
import { Tenant } from "../../db/tenant.ts";
import type { AppDeps } from "../../http/context.ts";
import { requireActor } from "../../http/request-context.ts";
import {
  answerInvitation,
  getCoachView,
  getMyCoaching,
  inviteCoachee,
  scheduleSession,
} from "./coaching.service.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["coaching"];

export const coachingRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "database" | "clock">> = async (
  app,
  { database, clock },
) => {
  const tenantOf = (organisationId: string) => new Tenant(database.db, organisationId);

  app.get(
    "/api/coaching",
    {
      schema: {
        tags,
        summary: "The coach's coachees (who accepted), their plans and sessions",
        response: { 200: coachView },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return getCoachView(tenantOf(actor.organisationId), actor, request.locale);
    },
  );

  app.post(
    "/api/coaching/relations",
    {
      schema: {
        tags,
        summary: "Offer coaching to a colleague; they decide whether to accept",
        body: inviteCoacheeBody,
      },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await inviteCoachee(tenantOf(actor.organisationId), actor, request.body.personId, clock());
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/coaching/relations/:relationId/answer",
    {
      schema: {
        tags,
        summary: "Accept or decline a coach; only an accepted coach sees your plans",
        params: relationParams,
        body: answerInvitationBody,
      },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await answerInvitation(
        tenantOf(actor.organisationId),
        actor,
        request.params.relationId,
        request.body.accept,
        clock(),
      );
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/me/coaching",
    {
      schema: {
        tags,
        summary: "Coaching offered to me, and my sessions with the coach's notes",
        response: { 200: myCoachingView },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return getMyCoaching(tenantOf(actor.organisationId), actor);
    },
  );

  app.post(
    "/api/coaching/sessions",
    {
      schema: {
        tags,
        summary: "Schedule a session with notes the coachee can read, optionally about one of their plans",
        body: sessionBody,
        response: { 201: sessionView },
      },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const session = await scheduleSession(tenantOf(actor.organisationId), actor, request.body, clock());
      return reply.status(201).send(session);
    },
  );
};
