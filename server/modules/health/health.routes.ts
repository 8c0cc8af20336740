import { z } from "zod";
import type { AppDeps } from "../../http/context.ts";
import { defineRoutes, publicRoute } from "../../http/route-table.ts";
import { AppError } from "../../errors.ts";

export const healthRoutes = defineRoutes(["health"], ({ database }: Pick<AppDeps, "database">) => [
  publicRoute.get(
    "/api/health",
    {
      summary: "200 when the database answers",
      response: z.object({ status: z.literal("ok"), database: z.string() }),
    },
    async () => {
      try {
        await database.ping();
      } catch {
        throw new AppError("DATABASE_UNAVAILABLE");
      }
      return { status: "ok" as const, database: database.kind };
    },
  ),
]);
