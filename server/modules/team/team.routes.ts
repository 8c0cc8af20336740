import { z } from "zod";
import {
  checkInBody,
  checkInParams,
  checkInView,
  enrolmentView,
  teamView,
  updateCheckInBody,
} from "../../../common/schemas/action-plans.ts";
import { defineRoutes, route } from "../../http/route-table.ts";
import { needsYouView } from "../../../common/schemas/team.ts";
import {
  deleteCheckIn,
  getNeedsYou,
  getTeamView,
  myEnrolments,
  recordCheckIn,
  updateCheckIn,
} from "./team.service.ts";

/** The manager's team screen and check-ins; the learner's cohorts to plan for. */
export const teamRoutes = defineRoutes(
  ["team"],
  [
    route.get(
      "/api/team",
      {
        summary: "The manager's teams: each member's enrolments and progress, plans and applications",
        response: teamView,
      },
      (scope) => getTeamView(scope),
    ),

    route.get(
      "/api/team/needs-you",
      {
        summary:
          "What needs the signed-in manager this week: applications to confirm, check-ins due, plans without a moment, people without a plan (oldest first; empty for someone who manages no team)",
        response: needsYouView,
      },
      (scope) => getNeedsYou(scope),
    ),

    route.post(
      "/api/team/check-ins",
      {
        summary:
          "Record a check-in with a team member (before or after the training) and the agreements made",
        body: checkInBody,
        response: checkInView,
        status: 201,
      },
      (scope, { body }) => recordCheckIn(scope, body),
    ),

    route.patch(
      "/api/team/check-ins/:checkInId",
      {
        summary: "Correct a check-in you recorded: its kind or the agreements",
        params: checkInParams,
        body: updateCheckInBody,
        response: checkInView,
      },
      (scope, { params, body }) => updateCheckIn(scope, { ...params, ...body }),
    ),

    route.delete(
      "/api/team/check-ins/:checkInId",
      { summary: "Delete a check-in you recorded", params: checkInParams, status: 204 },
      (scope, { params }) => deleteCheckIn(scope, params),
    ),

    route.get(
      "/api/me/enrolments",
      {
        tags: ["learner"],
        summary: "The learner's cohorts with their trajectory's competences (for plans)",
        response: z.array(enrolmentView),
      },
      (scope) => myEnrolments(scope),
    ),
  ],
);
