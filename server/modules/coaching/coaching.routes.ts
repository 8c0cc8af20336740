import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  answerInvitationBody,
  coachView,
  inviteCoacheeBody,
  myCoachingView,
  relationParams,
  sessionBody,
  sessionParams,
  sessionView,
  updateSessionBody,
} from "../../../common/schemas/coaching.ts";
import { scopeOf } from "../../http/scope.ts";
import {
  answerInvitation,
  getCoachView,
  getMyCoaching,
  inviteCoachee,
  deleteSession,
  scheduleSession,
  updateSession,
} from "./coaching.service.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["coaching"];

/** Coaching offers the learner answers, and sessions with notes the coachee reads. */
export const coachingRoutes: FastifyPluginAsyncZod = async (app) => {
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
    async (request) => getCoachView(scopeOf(request)),
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
      await inviteCoachee(scopeOf(request), request.body);
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
      await answerInvitation(scopeOf(request), { ...request.params, ...request.body });
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
    async (request) => getMyCoaching(scopeOf(request)),
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
    async (request, reply) => reply.status(201).send(await scheduleSession(scopeOf(request), request.body)),
  );

  app.patch(
    "/api/coaching/sessions/:coachingSessionId",
    {
      schema: {
        tags,
        summary: "Correct a session you hold: when, the notes (the coachee reads them), the plan",
        params: sessionParams,
        body: updateSessionBody,
        response: { 200: sessionView },
      },
      config: signedIn,
    },
    async (request) => updateSession(scopeOf(request), { ...request.params, ...request.body }),
  );

  app.delete(
    "/api/coaching/sessions/:coachingSessionId",
    {
      schema: { tags, summary: "Delete a session you hold, with its notes", params: sessionParams },
      config: signedIn,
    },
    async (request, reply) => {
      await deleteSession(scopeOf(request), request.params);
      return reply.status(204).send();
    },
  );
};
