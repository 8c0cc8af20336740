import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { evidenceView } from "../../../common/schemas/trajectories.ts";
import { searchEvidence } from "./evidence.service.ts";

/** The evidence library: data shipped with the code, readable without signing in. */
export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/evidence",
    {
      schema: {
        tags: ["evidence"],
        summary: "The evidence library; figures not verified are withheld (null)",
        querystring: z.object({ q: z.string().max(100).optional() }),
        response: { 200: z.array(evidenceView) },
      },
      config: { access: "public" },
    },
    async (request) => searchEvidence(request.locale, request.query),
  );
};
