import { digestActionBody, digestActionResult } from "../../../common/schemas/action-plans.ts";
import type { AppDeps } from "../../http/context.ts";
import { defineRoutes, publicRoute } from "../../http/route-table.ts";
import { performLinkAction } from "./digest.service.ts";

export const digestRoutes = defineRoutes(
  ["team"],
  ({ database, clock, config }: Pick<AppDeps, "database" | "clock" | "config">) => [
    // The signed token is the authority: managers use these links without signing in.
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
