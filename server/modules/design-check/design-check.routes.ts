import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { designCheckResult, trajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { checkDesign } from "./design-check.ts";

/** Stateless: checks a document and saves nothing, so other tools can use the check without the UI. */
export const designCheckRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/design-check",
    {
      schema: {
        tags: ["design-check"],
        summary: "Check a trajectory document against the transfer research (nothing is saved)",
        body: trajectoryDocument,
        response: { 200: designCheckResult },
      },
      config: { access: "public", rateLimit: { max: 300, timeWindow: "1 minute" } },
      bodyLimit: 1024 * 1024,
    },
    async (request) => checkDesign(request.body, request.locale),
  );
};
