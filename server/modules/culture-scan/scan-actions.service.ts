import { eq } from "drizzle-orm";
import type { UpdateActionBody } from "../../../common/schemas/culture-scans.ts";
import { scanActions } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { authorize } from "./culture-scan.policy.ts";
import { recordAudit } from "../../audit.ts";
import { todayIn } from "../../../common/dates.ts";
import { getScan, zoneOf } from "./culture-scan.service.ts";

/** Adds an action to the organisation's action plan, after a scan. */
export async function addAction(
  scope: Scope,
  {
    scanId,
    ...input
  }: { scanId: string; title: string; owner: string; dueOn: string; interventionId: string | null },
) {
  const { tenant, actor, now } = scope;
  authorize(actor, "scan.manage");
  await getScan(tenant, scanId);
  if (input.dueOn < todayIn(await zoneOf(tenant, actor.personId), now))
    throw invalid("dueOn", "date_in_past");
  const [action] = await tenant.db
    .insert(scanActions)
    .values(tenant.row({ scanId, ...input }))
    .returning();
  return action!;
}

async function getAction(tenant: Tenant, scanId: string, actionId: string) {
  const [action] = await tenant.selectRows(
    scanActions,
    eq(scanActions.id, actionId),
    eq(scanActions.scanId, scanId),
  );
  if (!action) throw notFound("scan action");
  return action;
}

/**
 * Corrects an action: title, owner, due date or status. A due date may stay where it was even when it
 * has passed (marking a late action done must work), but a new due date cannot lie in the past.
 */
export async function updateAction(
  scope: Scope,
  { scanId, actionId, ...input }: UpdateActionBody & { scanId: string; actionId: string },
) {
  const { tenant, actor, now } = scope;
  authorize(actor, "scan.manage");
  const action = await getAction(tenant, scanId, actionId);
  if (
    input.dueOn !== undefined &&
    input.dueOn !== action.dueOn &&
    input.dueOn < todayIn(await zoneOf(tenant, actor.personId), now)
  )
    throw invalid("dueOn", "date_in_past");
  if (Object.keys(input).length === 0) return action;
  return tenant.transaction(async (tx) => {
    const [updated] = await tx.db
      .update(scanActions)
      .set(input)
      .where(tx.where(scanActions, eq(scanActions.id, actionId)))
      .returning();
    await recordAudit(
      tx,
      actor,
      "scan.action-updated",
      { type: "scan-action", id: actionId },
      { fields: Object.keys(input).join(",") },
    );
    return updated!;
  });
}

/** Removes an action from the organisation's action plan. */
export async function deleteAction(
  scope: Scope,
  { scanId, actionId }: { scanId: string; actionId: string },
): Promise<void> {
  const { tenant, actor } = scope;
  authorize(actor, "scan.manage");
  const action = await getAction(tenant, scanId, actionId);
  await tenant.transaction(async (tx) => {
    await tx.db.delete(scanActions).where(tx.where(scanActions, eq(scanActions.id, actionId)));
    await recordAudit(
      tx,
      actor,
      "scan.action-deleted",
      { type: "scan-action", id: actionId },
      { title: action.title },
    );
  });
}
