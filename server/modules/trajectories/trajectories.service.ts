import { and, desc, eq } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { persons, trajectories } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, notFound } from "../../errors.ts";
import type { Actor } from "../../http/context.ts";
import { loadRules, runDesignCheck } from "../design-check/index.ts";
import { retiredBy, withActivityIds } from "./activity-ids.ts";
import { authorize } from "./trajectories.policy.ts";
import { recordAudit } from "../../audit.ts";

export type TrajectoryRow = typeof trajectories.$inferSelect;

export async function findTrajectories(tenant: Tenant, actor: Actor) {
  authorize(actor, "trajectory.read");
  const rows = await tenant.db
    .select()
    .from(trajectories)
    .where(tenant.where(trajectories))
    .orderBy(desc(trajectories.updatedAt));
  const rules = await loadRules();
  return rows.map((row) => ({ row, score: runDesignCheck(row.document, rules).score }));
}

export async function getTrajectory(tenant: Tenant, actor: Actor, trajectoryId: string) {
  authorize(actor, "trajectory.read");
  const [row] = await tenant.db
    .select({ trajectory: trajectories, updatedByName: persons.name })
    .from(trajectories)
    .leftJoin(
      persons,
      and(eq(persons.organisationId, trajectories.organisationId), eq(persons.id, trajectories.updatedBy)),
    )
    .where(tenant.where(trajectories, eq(trajectories.id, trajectoryId)));
  if (!row) throw notFound("trajectory");
  return { ...row.trajectory, updatedByName: row.updatedByName };
}

export async function createTrajectory(tenant: Tenant, actor: Actor, document: TrajectoryDocument) {
  authorize(actor, "trajectory.write");
  const stored = withActivityIds(document);
  const id = await tenant.transaction(async (tx) => {
    const [row] = await tx.db
      .insert(trajectories)
      .values(
        tx.row({
          title: stored.title,
          document: stored,
          createdBy: actor.personId,
          updatedBy: actor.personId,
        }),
      )
      .returning({ id: trajectories.id });
    await recordAudit(tx, actor, "trajectory.created", { type: "trajectory", id: row!.id });
    return row!.id;
  });
  return getTrajectory(tenant, actor, id);
}

/**
 * Saves a new version of a trajectory, but only on top of the version the editor started from. A save
 * on top of someone else's newer save is refused with who saved and when, so nothing is overwritten
 * silently.
 */
export async function updateTrajectory(
  tenant: Tenant,
  actor: Actor,
  trajectoryId: string,
  baseVersion: number,
  document: TrajectoryDocument,
  locale: Locale,
) {
  authorize(actor, "trajectory.write");
  const current = await getTrajectory(tenant, actor, trajectoryId);
  const stored = withActivityIds(document);
  const retired = [...current.retiredActivities, ...retiredBy(current.document, stored)];
  const updated = await tenant.transaction(async (tx) => {
    const rows = await tx.db
      .update(trajectories)
      .set({
        title: stored.title,
        document: stored,
        retiredActivities: retired,
        version: baseVersion + 1,
        updatedBy: actor.personId,
        updatedAt: new Date(),
      })
      .where(tx.where(trajectories, eq(trajectories.id, trajectoryId), eq(trajectories.version, baseVersion)))
      .returning({ id: trajectories.id });
    if (rows.length > 0)
      await recordAudit(
        tx,
        actor,
        "trajectory.updated",
        { type: "trajectory", id: trajectoryId },
        { version: baseVersion + 1 },
      );
    return rows.length > 0;
  });
  if (!updated) {
    const latest = await getTrajectory(tenant, actor, trajectoryId);
    const time = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
      dateStyle: "short",
      timeStyle: "short",
      timeZone: "Europe/Amsterdam",
    }).format(latest.updatedAt);
    throw new AppError("EDIT_CONFLICT", `version ${baseVersion} is stale (now ${latest.version})`, {
      name: latest.updatedByName ?? "?",
      time,
    });
  }
  return getTrajectory(tenant, actor, trajectoryId);
}
