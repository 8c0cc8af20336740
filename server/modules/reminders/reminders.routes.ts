import { z } from "zod";
import {
  calendarFeedResponse,
  learningPreferences,
  pauseBody,
  updateLearningPreferences,
} from "../../../common/schemas/learning.ts";
import { personParams } from "../../../common/schemas/people.ts";
import { notFound } from "../../errors.ts";
import type { AppDeps } from "../../http/context.ts";
import { defineRoutes, publicRoute, route, withHeaders } from "../../http/route-table.ts";
import { organiserAddress } from "../calendar/index.ts";
import { renderFeed } from "./calendar-feed.service.ts";
import {
  calendarFeedUrl,
  getPreferences,
  revokeCalendarFeed,
  setPause,
  updatePreferences,
} from "./preferences.service.ts";

/**
 * Nudge preferences, pauses and the private calendar feed. The feed itself is fetched by calendar apps
 * without a session, so it alone needs the database, clock and configuration handed in.
 */
export const reminderRoutes = defineRoutes(
  ["reminders"],
  ({ database, clock, config }: Pick<AppDeps, "database" | "clock" | "config">) => {
    const site = config.publicUrl;
    const organiserEmail = organiserAddress(config.mailFrom, site);

    return [
      route.get(
        "/api/me/learning-preferences",
        { summary: "How often the learner wants nudges, and a pause", response: learningPreferences },
        (scope) => getPreferences(scope),
      ),

      route.patch(
        "/api/me/learning-preferences",
        {
          summary: "Change nudges (daily, twice a week, weekly, off) or pause until a date",
          body: updateLearningPreferences,
          response: learningPreferences,
        },
        (scope, { body }) => updatePreferences(scope, body),
      ),

      route.get(
        "/api/me/calendar-feed",
        {
          summary: "The learner's private iCalendar feed address (made on first request)",
          response: calendarFeedResponse,
        },
        async (scope) => ({ url: await calendarFeedUrl(scope) }),
      ),

      route.delete(
        "/api/me/calendar-feed",
        { summary: "Revoke the feed address; the next request makes a new one", status: 204 },
        (scope) => revokeCalendarFeed(scope),
      ),

      publicRoute.get(
        "/api/calendar-feeds/:file",
        {
          summary: "An iCalendar feed (RFC 5545) by its secret address; no sign-in, as calendar apps cannot",
          params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/) }),
        },
        async (_request, { params }) => {
          const token = params.file.replace(/\.ics$/, "");
          if (!token) throw notFound("feed");
          const body = await renderFeed(database.db, { token, site, now: clock(), organiserEmail });
          return withHeaders(
            { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, max-age=900" },
            body,
          );
        },
      ),

      route.put(
        "/api/people/:personId/learning-pause",
        {
          summary: "Pause someone's practice and nudges (leave, illness); the coordinator's side",
          params: personParams,
          body: pauseBody,
          response: learningPreferences,
        },
        (scope, { params, body }) => setPause(scope, { ...params, ...body }),
      ),
    ];
  },
);
