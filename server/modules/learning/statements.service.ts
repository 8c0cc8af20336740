import { desc, eq } from "drizzle-orm";
import { xapiStatements } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";

export async function statementsOf(tenant: Tenant, personId: string, limit: number) {
  const rows = await tenant.db
    .select({ statement: xapiStatements.statement })
    .from(xapiStatements)
    .where(tenant.where(xapiStatements, eq(xapiStatements.personId, personId)))
    .orderBy(desc(xapiStatements.stored))
    .limit(limit);
  return rows.map((r) => r.statement);
}
