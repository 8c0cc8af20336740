import { desc, eq, isNull } from "drizzle-orm";
import { intlLocale, type Locale } from "../../../common/locales.ts";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { persons, trajectories } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { recordAudit } from "../../audit.ts";
import { timeZoneOf } from "../cohorts/index.ts";
import { bankFacts, loadRules, runDesignCheck } from "../design-check/index.ts";
import { retiredBy, withActivityIds } from "./activity-ids.ts";
import { trajectoryTemplates } from "./templates/index.ts";
import { renderTemplate, templateWords } from "./templates/template.ts";
import { authorize } from "./trajectories.policy.ts";

export type TrajectoryRow = typeof trajectories.$inferSelect;

/**
 * The organisation's trajectories, newest change first, each with its design-check score. Archived ones
 * only when asked for (`archived: "include"`).
 */
export async function findTrajectories(
  { tenant, actor }: Scope,
  { archived }: { archived?: "include" } = {},
) {
  authorize(actor, "trajectory.read");
  const rows = await tenant
    .selectRows(trajectories, archived === "include" ? undefined : isNull(trajectories.archivedAt))
    .orderBy(desc(trajectories.updatedAt));
  const rules = await loadRules();
  // The score counts the question bank too (decision 0028), as the editor's check does.
  const facts = await bankFacts(
    tenant,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ row, score: runDesignCheck(row.document, rules, facts.get(row.id)).score }));
}

/** One trajectory with the name of who saved it last; another organisation's is simply not found. */
export async function getTrajectory({ tenant, actor }: Scope, { trajectoryId }: { trajectoryId: string }) {
  authorize(actor, "trajectory.read");
  return loadTrajectory(tenant, trajectoryId);
}

async function loadTrajectory(tenant: Tenant, trajectoryId: string) {
  const [row] = await tenant.db
    .select({ trajectory: trajectories, updatedByName: persons.name })
    .from(trajectories)
    .leftJoin(persons, tenant.refersTo(trajectories.updatedBy, persons))
    .where(tenant.where(trajectories, eq(trajectories.id, trajectoryId)));
  if (!row) throw notFound("trajectory");
  return { ...row.trajectory, updatedByName: row.updatedByName };
}

/** Creates a trajectory from its document (also how a JSON file is imported). */
export async function createTrajectory(scope: Scope, { document }: { document: TrajectoryDocument }) {
  const { tenant, actor } = scope;
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
  return loadTrajectory(tenant, id);
}

/**
 * Saves a new version of a trajectory, but only on top of the version the editor started from. A save
 * on top of someone else's newer save is refused with who saved and when, so nothing is overwritten
 * silently.
 */
export async function updateTrajectory(
  scope: Scope,
  {
    trajectoryId,
    version: baseVersion,
    document,
  }: { trajectoryId: string; version: number; document: TrajectoryDocument },
) {
  const { tenant, actor, now, locale } = scope;
  authorize(actor, "trajectory.write");
  const current = await loadTrajectory(tenant, trajectoryId);
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
        updatedAt: now,
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
    const latest = await loadTrajectory(tenant, trajectoryId);
    // The time in the reader's own zone: it is compared with when they opened the editor.
    const time = new Intl.DateTimeFormat(intlLocale(locale), {
      dateStyle: "short",
      timeStyle: "short",
      timeZone: await timeZoneOf(tenant, actor.personId),
    }).format(latest.updatedAt);
    throw new AppError("EDIT_CONFLICT", `version ${baseVersion} is stale (now ${latest.version})`, {
      name: latest.updatedByName ?? "?",
      time,
    });
  }
  return loadTrajectory(tenant, trajectoryId);
}

/**
 * Archives a trajectory: it leaves the list (shown again with "show archived") and can be restored.
 * Its cohorts, questions and learner history stay untouched: a trajectory with cohorts is never deleted.
 */
export async function archiveTrajectory(scope: Scope, { trajectoryId }: { trajectoryId: string }) {
  return setArchived(scope, trajectoryId, scope.now);
}

/** Brings an archived trajectory back into the list. */
export async function restoreTrajectory(scope: Scope, { trajectoryId }: { trajectoryId: string }) {
  return setArchived(scope, trajectoryId, null);
}

async function setArchived({ tenant, actor }: Scope, trajectoryId: string, archivedAt: Date | null) {
  authorize(actor, "trajectory.write");
  const current = await loadTrajectory(tenant, trajectoryId);
  // Archiving twice keeps the first moment; restoring what is not archived changes nothing.
  if ((current.archivedAt === null) === (archivedAt === null)) return current;
  await tenant.transaction(async (tx) => {
    await tx.db
      .update(trajectories)
      .set({ archivedAt })
      .where(tx.where(trajectories, eq(trajectories.id, trajectoryId)));
    await recordAudit(tx, actor, archivedAt ? "trajectory.archived" : "trajectory.restored", {
      type: "trajectory",
      id: trajectoryId,
    });
  });
  return loadTrajectory(tenant, trajectoryId);
}

/** The example trajectories, each with its document, in the reader's language. Needs no sign-in. */
export const templatesIn = (locale: Locale) =>
  trajectoryTemplates.map((template) => {
    const { title, summary } = templateWords(template, locale);
    return {
      key: template.key,
      title,
      summary,
      skillKind: template.skillKind,
      document: renderTemplate(template, locale),
    };
  });
