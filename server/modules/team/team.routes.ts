import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  checkInBody,
  checkInParams,
  checkInView,
  enrolmentView,
  teamView,
  updateCheckInBody,
} from "../../../common/schemas/action-plans.ts";
import { scopeOf } from "../../http/scope.ts";
import { deleteCheckIn, getTeamView, myEnrolments, recordCheckIn, updateCheckIn } from "./team.service.ts";

const signedIn = { access: "signed-in" } as const;

/** The manager's team screen and check-ins; the learner's cohorts to plan for. */
export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
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
    async (request) => getTeamView(scopeOf(request)),
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
    async (request, reply) => reply.status(201).send(await recordCheckIn(scopeOf(request), request.body)),
  );

  app.patch(
    "/api/team/check-ins/:checkInId",
    {
      schema: {
        tags: ["team"],
        summary: "Correct a check-in you recorded: its kind or the agreements",
        params: checkInParams,
        body: updateCheckInBody,
        response: { 200: checkInView },
      },
      config: signedIn,
    },
    async (request) => updateCheckIn(scopeOf(request), { ...request.params, ...request.body }),
  );

  app.delete(
    "/api/team/check-ins/:checkInId",
    {
      schema: { tags: ["team"], summary: "Delete a check-in you recorded", params: checkInParams },
      config: signedIn,
    },
    async (request, reply) => {
      await deleteCheckIn(scopeOf(request), request.params);
      return reply.status(204).send();
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
    async (request) => myEnrolments(scopeOf(request)),
  );
};
