import { eq } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import { auditEvents } from "./db/schema/index.ts";
import type { Tenant, TenantTable } from "./db/tenant.ts";
import type { Actor } from "./http/context.ts";
import type { Scope } from "./http/scope.ts";

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

// Corrections: the author of a record others read (an application, a check-in, a coaching session)
// corrects or removes it later. Each is audited in the same transaction, named `<type>.update` or
// `<type>.delete` after the record's own type, so the readers' trust has a trail.

type RecordTable = TenantTable & { id: PgColumn };

interface RecordChange<TTable extends RecordTable> {
  table: TTable;
  /** The record's type in the audit log ("check-in") and its id. */
  subject: { type: string; id: string };
  /** Anything the audit entry should say besides the act itself, such as whose record it is. */
  details?: Record<string, unknown>;
}

/**
 * Sets the fields given (undefined ones stay as they are) and `updatedAt`; the audit entry names the
 * fields that were given.
 */
export async function correctRecord<TTable extends RecordTable & { updatedAt: PgColumn }>(
  { tenant, actor, now }: Pick<Scope, "tenant" | "actor" | "now">,
  { table, subject, details = {}, changes }: RecordChange<TTable> & { changes: PgUpdateSetSource<TTable> },
): Promise<TTable["$inferSelect"]> {
  const fields = Object.keys(changes).filter((field) => changes[field as keyof typeof changes] !== undefined);
  return tenant.transaction(async (tx) => {
    const [updated] = await tx.db
      .update(table as PgTable)
      .set({ ...changes, updatedAt: now })
      .where(tx.where(table, eq(table.id, subject.id)))
      .returning();
    await recordAudit(tx, actor, `${subject.type}.update`, subject, { ...details, fields });
    return updated as TTable["$inferSelect"];
  });
}

/** Deletes the record. */
export async function removeRecord(
  { tenant, actor }: Pick<Scope, "tenant" | "actor">,
  { table, subject, details = {} }: RecordChange<RecordTable>,
): Promise<void> {
  await tenant.transaction(async (tx) => {
    await tx.db.delete(table).where(tx.where(table, eq(table.id, subject.id)));
    await recordAudit(tx, actor, `${subject.type}.delete`, subject, details);
  });
}
