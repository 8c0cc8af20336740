import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { kpiBody, KpiView } from "../../../common/schemas/impact.ts";
import { impactKpis } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { translator } from "../../i18n.ts";
import { loadKpis } from "./impact-data.ts";
import { impactScope } from "./impact.service.ts";
import { recordAudit } from "../../audit.ts";

type KpiInput = z.infer<typeof kpiBody>;
type KpiRow = Awaited<ReturnType<typeof loadKpis>>[number];

/**
 * After minus before, to the cent; null without an after value or when the difference is not a finite
 * number (figures stored before KPI_VALUE_LIMIT existed can be ±1e308, whose difference is infinite).
 */
function changeOf(row: KpiRow): number | null {
  if (row.afterValue === null) return null;
  const change = Math.round((row.afterValue - row.beforeValue) * 100) / 100;
  return Number.isFinite(change) ? change : null;
}

export function presentKpi(row: KpiRow): KpiView {
  const change = changeOf(row);
  // The direction stays known when the size of the change does not (Infinity still has a sign).
  const moved =
    change !== null
      ? Math.sign(change)
      : row.afterValue === null
        ? 0
        : Math.sign(row.afterValue - row.beforeValue);
  return {
    id: row.id,
    name: row.name,
    unit: row.unit,
    better: row.better,
    beforeValue: row.beforeValue,
    beforePeriod: row.beforePeriod,
    afterValue: row.afterValue,
    afterPeriod: row.afterPeriod,
    source: row.source,
    change,
    improved: moved === 0 ? null : row.better === "lower" ? moved < 0 : moved > 0,
  };
}

/** The trajectory's organisation figures, with the caveat on reading them, in the scope's language. */
export async function listKpis(scope: Scope, { trajectoryId }: { trajectoryId: string }) {
  const { tenant, actor, locale } = scope;
  await impactScope(tenant, actor, trajectoryId, undefined);
  const rows = await loadKpis(tenant, trajectoryId);
  return { kpis: rows.map(presentKpi), caveat: translator(locale)("impact.kpiCaveat") };
}

/** Records an organisation figure before (and perhaps after) the trajectory. */
export async function addKpi(scope: Scope, { trajectoryId, ...input }: KpiInput & { trajectoryId: string }) {
  const { tenant, actor, now } = scope;
  await impactScope(tenant, actor, trajectoryId, undefined, "impact.record");
  const row = await tenant.transaction(async (tx) => {
    const [created] = await tx.db
      .insert(impactKpis)
      .values(tx.row({ trajectoryId, ...input, createdBy: actor.personId, createdAt: now }))
      .returning();
    await recordAudit(tx, actor, "impact.kpi-added", { type: "trajectory", id: trajectoryId });
    return created!;
  });
  return presentKpi(row);
}

/** Changes an organisation figure (usually: adds the after value). */
export async function updateKpi(
  scope: Scope,
  { trajectoryId, kpiId, ...input }: KpiInput & { trajectoryId: string; kpiId: string },
) {
  const { tenant, actor } = scope;
  await impactScope(tenant, actor, trajectoryId, undefined, "impact.record");
  const row = await tenant.transaction(async (tx) => {
    const [updated] = await tx.db
      .update(impactKpis)
      .set(input)
      .where(tx.where(impactKpis, eq(impactKpis.id, kpiId), eq(impactKpis.trajectoryId, trajectoryId)))
      .returning();
    if (!updated) throw notFound("kpi");
    await recordAudit(tx, actor, "impact.kpi-updated", { type: "trajectory", id: trajectoryId }, { kpiId });
    return updated;
  });
  return presentKpi(row);
}

/** Removes an organisation figure. */
export async function deleteKpi(
  scope: Scope,
  { trajectoryId, kpiId }: { trajectoryId: string; kpiId: string },
) {
  const { tenant, actor } = scope;
  await impactScope(tenant, actor, trajectoryId, undefined, "impact.record");
  await tenant.transaction(async (tx) => {
    const deleted = await tx.db
      .delete(impactKpis)
      .where(tx.where(impactKpis, eq(impactKpis.id, kpiId), eq(impactKpis.trajectoryId, trajectoryId)))
      .returning({ id: impactKpis.id, name: impactKpis.name });
    if (deleted.length === 0) throw notFound("kpi");
    await recordAudit(
      tx,
      actor,
      "impact.kpi-deleted",
      { type: "trajectory", id: trajectoryId },
      {
        kpiId,
        name: deleted[0]!.name,
      },
    );
  });
}
