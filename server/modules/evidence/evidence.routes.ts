import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { evidenceView } from "../../../common/schemas/trajectories.ts";
import { evidenceLibrary } from "./evidence-library.ts";
import { presentEvidence } from "./evidence.presenter.ts";

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
    async (request) => {
      const views = evidenceLibrary.map((entry) => presentEvidence(entry, request.locale));
      const query = request.query.q?.trim().toLowerCase();
      if (!query) return views;
      return views.filter((view) =>
        [
          view.claim,
          view.source,
          view.design,
          view.population,
          view.outcome,
          view.figure ?? "",
          view.topic,
        ].some((field) => field.toLowerCase().includes(query)),
      );
    },
  );
};
