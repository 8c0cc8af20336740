import { asc, eq } from "drizzle-orm";
import type { Db } from "../server/db/client.ts";
import * as schema from "../server/db/schema/index.ts";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { TenantTable } from "../server/db/tenant.ts";

/** Every table with an organisation_id column: the tables a tenant owns. */
export function tenantTables(): { name: string; table: TenantTable }[] {
  return (Object.values(schema) as unknown[])
    .filter(
      (value): value is PgTable =>
        typeof value === "object" && value !== null && Symbol.for("drizzle:IsDrizzleTable") in value,
    )
    .filter((table) => "organisationId" in table)
    .map((table) => ({ name: getTableConfig(table).name, table: table as TenantTable }));
}

/** All of one organisation's rows, table by table, in a stable order: compare two to prove nothing changed. */
export async function snapshotTenant(db: Db, organisationId: string, except: string[] = []): Promise<string> {
  const parts: Record<string, unknown[]> = {};
  for (const { name, table } of tenantTables().filter((t) => !except.includes(t.name))) {
    const rows = await db
      .select()
      .from(table)
      .where(eq(table.organisationId, organisationId))
      .orderBy(asc(table.organisationId));
    parts[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return JSON.stringify(parts);
}
