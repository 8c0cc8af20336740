import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
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
import { scopeOf } from "../../http/scope.ts";
import { organiserAddress } from "../calendar/index.ts";
import { renderFeed } from "./calendar-feed.service.ts";
import {
  calendarFeedUrl,
  getPreferences,
  revokeCalendarFeed,
  setPause,
  updatePreferences,
} from "./preferences.service.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["reminders"];

/**
 * Nudge preferences, pauses and the private calendar feed. The feed itself is fetched by calendar apps
 * without a session, so it alone needs the database, clock and configuration handed in.
 */
export const reminderRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "database" | "clock" | "config">> = async (
  app,
  { database, clock, config },
) => {
  const site = config.publicUrl;
  const organiserEmail = organiserAddress(config.mailFrom, site);

  app.get(
    "/api/me/learning-preferences",
    {
      schema: {
        tags,
        summary: "How often the learner wants nudges, and a pause",
        response: { 200: learningPreferences },
      },
      config: signedIn,
    },
    async (request) => getPreferences(scopeOf(request)),
  );

  app.patch(
    "/api/me/learning-preferences",
    {
      schema: {
        tags,
        summary: "Change nudges (daily, twice a week, weekly, off) or pause until a date",
        body: updateLearningPreferences,
        response: { 200: learningPreferences },
      },
      config: signedIn,
    },
    async (request) => updatePreferences(scopeOf(request), request.body),
  );

  app.get(
    "/api/me/calendar-feed",
    {
      schema: {
        tags,
        summary: "The learner's private iCalendar feed address (made on first request)",
        response: { 200: calendarFeedResponse },
      },
      config: signedIn,
    },
    async (request) => ({ url: await calendarFeedUrl(scopeOf(request)) }),
  );

  app.delete(
    "/api/me/calendar-feed",
    {
      schema: { tags, summary: "Revoke the feed address; the next request makes a new one" },
      config: signedIn,
    },
    async (request, reply) => {
      await revokeCalendarFeed(scopeOf(request));
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/calendar-feeds/:file",
    {
      schema: {
        tags,
        summary: "An iCalendar feed (RFC 5545) by its secret address; no sign-in, as calendar apps cannot",
        params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/) }),
      },
      config: { access: "public" },
    },
    async (request, reply) => {
      const token = request.params.file.replace(/\.ics$/, "");
      if (!token) throw notFound("feed");
      const body = await renderFeed(database.db, { token, site, now: clock(), organiserEmail });
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("cache-control", "private, max-age=900")
        .send(body);
    },
  );

  app.put(
    "/api/people/:personId/learning-pause",
    {
      schema: {
        tags,
        summary: "Pause someone's practice and nudges (leave, illness); the coordinator's side",
        params: personParams,
        body: pauseBody,
        response: { 200: learningPreferences },
      },
      config: signedIn,
    },
    async (request) => setPause(scopeOf(request), { ...request.params, ...request.body }),
  );
};
