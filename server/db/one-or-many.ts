import { eq, inArray, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * `column = id` for one id, `column in (…)` for more. Services that read for a group of people (a
 * sweep's batch) serve the single signed-in request as a group of one; that request keeps its plain
 * equality, which the planner handles best.
 */
export const oneOrMany = (column: PgColumn, ids: string[]): SQL =>
  ids.length === 1 ? eq(column, ids[0]!) : inArray(column, ids);
