import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { digestActionBody, digestActionResult } from "../../../common/schemas/action-plans.ts";
import type { AppDeps } from "../../http/context.ts";
import { performLinkAction } from "./digest.service.ts";

export const digestRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "database" | "clock" | "config">> = async (
  app,
  { database, clock, config },
) => {
  app.post(
    "/api/digest-actions",
    {
      schema: {
        tags: ["team"],
        summary: "Carry out a one-click link from the manager's weekly digest (signed, expiring, one action)",
        body: digestActionBody,
        response: { 200: digestActionResult },
      },
      // The signed token is the authority: managers use these links without signing in.
      config: { access: "public", rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    async (request) =>
      performLinkAction(database.db, { token: request.body.token, now: clock(), site: config.publicUrl }),
  );
};
