import { sql } from "drizzle-orm";
import { z } from "zod";
import type { AppDeps } from "../../http/context.ts";
import { defineRoutes, publicRoute } from "../../http/route-table.ts";
import { AppError } from "../../errors.ts";
import { migrationTagAt, readMigrations } from "../../ops/migrations.ts";
import { appVersion } from "../../ops/version.ts";

export const healthRoutes = defineRoutes(["health"], ({ database }: Pick<AppDeps, "database">) => {
  // The files do not change while the process runs; the database's own record may (another process).
  const migrations = readMigrations();
  return [
    publicRoute.get(
      "/api/health",
      {
        summary: "200 when the database answers, with the version and the database's newest migration",
        response: z.object({
          status: z.literal("ok"),
          version: z.string(),
          migration: z.string().nullable(),
          database: z.string(),
        }),
      },
      async () => {
        let newest: number | null;
        try {
          // One small query is the ping as well.
          // PGlite and node-postgres both answer raw SQL with `{ rows }`.
          const result = (await database.db.execute(
            sql`select created_at from "drizzle"."__drizzle_migrations" order by created_at desc limit 1`,
          )) as unknown as { rows: { created_at: string | number }[] };
          const row = result.rows[0];
          newest = row ? Number(row.created_at) : null;
        } catch {
          throw new AppError("DATABASE_UNAVAILABLE");
        }
        return {
          status: "ok" as const,
          version: appVersion,
          migration: migrationTagAt(newest, migrations),
          database: database.kind,
        };
      },
    ),
  ];
});
