import { digestActionBody, digestActionResult } from "../../../common/schemas/action-plans.ts";
import { digestLinkView, digestPreview } from "../../../common/schemas/team.ts";
import type { AppDeps } from "../../http/context.ts";
import { defineRoutes, publicRoute, route } from "../../http/route-table.ts";
import { describeLink, performLinkAction, previewDigest } from "./digest.service.ts";

export const digestRoutes = defineRoutes(
  ["team"],
  ({ database, clock, config }: Pick<AppDeps, "database" | "clock" | "config">) => [
    route.get(
      "/api/team/digest-preview",
      {
        summary:
          "The signed-in manager's weekly digest as it would be sent now, any day (its links are preview links that record nothing; nothing is sent)",
        response: digestPreview,
      },
      (scope) => previewDigest(scope),
    ),

    // The signed token is the authority: managers use these links without signing in. The token travels
    // in the query here (a GET that changes nothing); the logger withholds every query value.
    publicRoute.get(
      "/api/digest-actions/link",
      {
        summary: "What a one-click digest link would record (the person and the record), read without acting",
        query: digestActionBody,
        response: digestLinkView,
        rateLimit: { max: 30, timeWindow: "1 minute" },
      },
      (request, { query }) =>
        describeLink(database.db, { token: query.token, now: clock(), locale: request.locale }),
    ),

    publicRoute.post(
      "/api/digest-actions",
      {
        summary: "Carry out a one-click link from the manager's weekly digest (signed, expiring, one action)",
        body: digestActionBody,
        response: digestActionResult,
        rateLimit: { max: 30, timeWindow: "1 minute" },
      },
      (_request, { body }) =>
        performLinkAction(database.db, { token: body.token, now: clock(), site: config.publicUrl }),
    ),
  ],
);
