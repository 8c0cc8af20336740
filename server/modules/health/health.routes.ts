import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../http/context.ts";
import { AppError } from "../../errors.ts";

export const healthRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "database">> = async (app, { database }) => {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["health"],
        summary: "200 when the database answers",
        response: { 200: z.object({ status: z.literal("ok"), database: z.string() }) },
      },
      config: { access: "public" },
    },
    async () => {
      try {
        await database.ping();
      } catch {
        throw new AppError("DATABASE_UNAVAILABLE");
      }
      return { status: "ok" as const, database: database.kind };
    },
  );
};
