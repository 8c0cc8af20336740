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
import { defineRoutes, route } from "../../http/route-table.ts";
import {
  answerInvitation,
  getCoachView,
  getMyCoaching,
  inviteCoachee,
  deleteSession,
  scheduleSession,
  updateSession,
} from "./coaching.service.ts";

/** Coaching offers the learner answers, and sessions with notes the coachee reads. */
export const coachingRoutes = defineRoutes(
  ["coaching"],
  [
    route.get(
      "/api/coaching",
      { summary: "The coach's coachees (who accepted), their plans and sessions", response: coachView },
      (scope) => getCoachView(scope),
    ),

    route.post(
      "/api/coaching/relations",
      {
        summary: "Offer coaching to a colleague; they decide whether to accept",
        body: inviteCoacheeBody,
        status: 204,
      },
      (scope, { body }) => inviteCoachee(scope, body),
    ),

    route.post(
      "/api/coaching/relations/:relationId/answer",
      {
        summary: "Accept or decline a coach; only an accepted coach sees your plans",
        params: relationParams,
        body: answerInvitationBody,
        status: 204,
      },
      (scope, { params, body }) => answerInvitation(scope, { ...params, ...body }),
    ),

    route.get(
      "/api/me/coaching",
      { summary: "Coaching offered to me, and my sessions with the coach's notes", response: myCoachingView },
      (scope) => getMyCoaching(scope),
    ),

    route.post(
      "/api/coaching/sessions",
      {
        summary: "Schedule a session with notes the coachee can read, optionally about one of their plans",
        body: sessionBody,
        response: sessionView,
        status: 201,
      },
      (scope, { body }) => scheduleSession(scope, body),
    ),

    route.patch(
      "/api/coaching/sessions/:coachingSessionId",
      {
        summary: "Correct a session you hold: when, the notes (the coachee reads them), the plan",
        params: sessionParams,
        body: updateSessionBody,
        response: sessionView,
      },
      (scope, { params, body }) => updateSession(scope, { ...params, ...body }),
    ),

    route.delete(
      "/api/coaching/sessions/:coachingSessionId",
      { summary: "Delete a session you hold, with its notes", params: sessionParams, status: 204 },
      (scope, { params }) => deleteSession(scope, params),
    ),
  ],
);
