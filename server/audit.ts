import { auditEvents } from "./db/schema/index.ts";
import type { Tenant } from "./db/tenant.ts";
import type { Actor } from "./http/context.ts";

/**
 * The audit log: who changed or saw what, in the same transaction as the act. Every module writes it;
 * it belongs to none of them.
 */
export async function recordAudit(
  tenant: Tenant,
  actor: Actor | null,
  action: string,
  subject: { type: string; id?: string },
  details: Record<string, unknown> = {},
): Promise<void> {
  await tenant.db.insert(auditEvents).values(
    tenant.row({
      actorId: actor?.personId ?? null,
      action,
      subjectType: subject.type,
      subjectId: subject.id ?? null,
      details,
    }),
  );
}
