import { z } from "zod";
import {
  cohortDetail,
  cohortParams,
  cohortSummary,
  createCohortBody,
  updateCohortBody,
} from "../../../common/schemas/cohorts.ts";
import type { AppDeps } from "../../http/context.ts";
import { attachment, defineRoutes, route, withHeaders } from "../../http/route-table.ts";
import { organiserAddress } from "../calendar/index.ts";
import { cohortCalendar } from "./cohort-calendar.service.ts";
import { cancelCohort, findCohorts, getCohort, planCohort, updateCohort } from "./cohorts.service.ts";

/** Cohort planning: the cohorts, and each with every activity's date for every participant. */
export const cohortRoutes = defineRoutes(
  ["cohorts"],
  ({ jobs, config }: Pick<AppDeps, "jobs" | "config">) => [
    route.get("/api/cohorts", { summary: "Planned cohorts", response: z.array(cohortSummary) }, (scope) =>
      findCohorts(scope),
    ),

    route.post(
      "/api/cohorts",
      {
        summary: "Plan a cohort: practice-day dates and participants",
        body: createCohortBody,
        response: cohortDetail,
        status: 201,
      },
      (scope, { body }) => planCohort(scope, body),
    ),

    route.get(
      "/api/cohorts/:cohortId",
      {
        summary: "A cohort with every activity's date for every participant",
        params: cohortParams,
        response: cohortDetail,
      },
      (scope, { params }) => getCohort(scope, params),
    ),

    route.get(
      "/api/cohorts/:cohortId/calendar.ics",
      {
        summary: "The cohort's practice days and activities as an iCalendar file (RFC 5545), for the trainer",
        params: cohortParams,
      },
      async (scope, { params }) => {
        const site = config.publicUrl;
        const { fileName, body } = await cohortCalendar(scope, {
          cohortId: params.cohortId,
          site,
          organiserEmail: organiserAddress(config.mailFrom, site),
        });
        return withHeaders(
          { ...attachment(fileName, "text/calendar; charset=utf-8"), "cache-control": "private, no-store" },
          body,
        );
      },
    ),

    route.patch(
      "/api/cohorts/:cohortId",
      {
        summary:
          "Change a cohort's name, practice days or participants; learners whose dates moved get one email",
        params: cohortParams,
        body: updateCohortBody,
        response: cohortDetail,
      },
      (scope, { params, body }) => updateCohort(scope, { ...params, ...body }, { jobs }),
    ),

    route.post(
      "/api/cohorts/:cohortId/cancel",
      {
        summary: "Cancel a cohort: kept for history, gone from its learners' Today list and reminders",
        params: cohortParams,
        response: cohortDetail,
      },
      (scope, { params }) => cancelCohort(scope, params),
    ),
  ],
);
