import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { effectSizeBody, effectSizeResult } from "../../../common/schemas/impact.ts";
import { calculateEffectSize } from "./effect-size-calculator.ts";

export const impactRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/effect-sizes",
    {
      schema: {
        tags: ["impact"],
        summary: "Stateless effect-size calculator: g, d_z and d_rm, or d_ppc2, with 95% intervals",
        body: effectSizeBody,
        response: { 200: effectSizeResult },
      },
      config: { access: "public", rateLimit: { max: 300, timeWindow: "1 minute" } },
      bodyLimit: 1024 * 1024,
    },
    async (request) => calculateEffectSize(request.body, request.locale),
  );
};
