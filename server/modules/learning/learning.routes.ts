import { z } from "zod";
import {
  activityDetail,
  activityParams,
  extraMaterialParams,
  extraMaterialView,
  myCheckInsResponse,
  progressBody,
  testAnswersBody,
  testResult,
  todayResponse,
} from "../../../common/schemas/learning.ts";
import { defineRoutes, route } from "../../http/route-table.ts";
import { statementsOf } from "../xapi/index.ts";
import {
  getActivity,
  getExtraMaterial,
  markExtraMaterialDone,
  setProgress,
  submitTest,
} from "./activities.service.ts";
import { todayReader } from "./today-cache.ts";
import { changeWatchOf } from "../../db/data-changes.ts";
import type { AppDeps } from "../../http/context.ts";
import { findMyCheckIns } from "./task-tools.ts";

/** The learner's side: what is due, content, tests. Everything is the signed-in person's own. */
export const learningRoutes = defineRoutes(["learner"], ({ database }: Pick<AppDeps, "database">) => {
  const readToday = todayReader(changeWatchOf(database));
  return [
    route.get(
      "/api/me/today",
      { summary: "What is due today across the learner's cohorts", response: todayResponse },
      ({ tenant, actor, now }) => readToday(tenant, actor.personId, now),
    ),

    route.get(
      "/api/me/activities/:cohortId/:activityId",
      {
        summary: "One activity of the learner's cohort: content, reading time, test questions, status",
        params: activityParams,
        response: activityDetail,
      },
      (scope, { params }) => getActivity(scope, params),
    ),

    route.post(
      "/api/me/activities/:cohortId/:activityId/progress",
      {
        summary:
          "Mark an activity as done, choose or skip an optional one, or take a choice or skip back (open)",
        params: activityParams,
        body: progressBody,
        response: activityDetail,
      },
      (scope, { params, body }) => setProgress(scope, { ...params, status: body.status }),
    ),

    route.post(
      "/api/me/activities/:cohortId/:activityId/test",
      {
        summary: "Hand in the insight test or competence proof; scored per competence",
        params: activityParams,
        body: testAnswersBody,
        response: testResult,
        status: 201,
      },
      (scope, { params, body }) => submitTest(scope, { ...params, answers: body.answers }),
    ),

    route.get(
      "/api/me/check-ins",
      {
        summary:
          "The check-ins the learner's managers recorded with her (newest first): agreements, manager, kind, date, cohort",
        response: myCheckInsResponse,
      },
      (scope) => findMyCheckIns(scope),
    ),

    route.get(
      "/api/me/extra-material/:cohortId/:competenceId",
      {
        summary: "Extra material on a competence the learner keeps missing",
        params: extraMaterialParams,
        response: extraMaterialView,
      },
      (scope, { params }) => getExtraMaterial(scope, params),
    ),

    route.post(
      "/api/me/extra-material/:cohortId/:competenceId/done",
      { summary: "Mark extra material as read", params: extraMaterialParams, response: extraMaterialView },
      (scope, { params }) => markExtraMaterialDone(scope, params),
    ),

    route.get(
      "/api/me/statements",
      {
        summary: "The learner's own xAPI statements (newest first), as stored in Beklijf's record store",
        query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
      async ({ tenant, actor }, { query }) => ({
        statements: await statementsOf(tenant, actor.personId, query.limit),
      }),
    ),
  ];
});
