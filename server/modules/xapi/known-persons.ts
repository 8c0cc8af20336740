import { inArray } from "drizzle-orm";
import { persons } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";

/**
 * Which of these ids are people of the organisation. A client may name any account on this
 * installation as actor; only a real person of the same organisation links a statement or document
 * to someone (for the GDPR export and erasure), and the reference to them stays valid.
 */
export async function knownPersons(tenant: Tenant, ids: (string | null)[]): Promise<Set<string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Set();
  const rows = await tenant.select(persons, { id: persons.id }, inArray(persons.id, unique));
  return new Set(rows.map((r) => r.id));
}
