import { randomUUID } from "node:crypto";
import { and, eq, isNull, lte } from "drizzle-orm";
import { activityProgress, cmi5Registrations, cmi5Sessions } from "../../db/schema/index.ts";
import type { PackageUnit } from "../../db/schema/packages.ts";
import type { Db } from "../../db/client.ts";
import { Tenant } from "../../db/tenant.ts";
import { saveProgress } from "../cohorts/index.ts";
import {
  type LaunchStatementsListener,
  recordStatement,
  registrationStatements,
  storeLmsStatement,
} from "../xapi/index.ts";
import { packageRow } from "./packages.service.ts";
import { type AuFacts, CMI5, VERB, derivedId, lmsStatement, moveOnMet } from "./cmi5-vocabulary.ts";

/**
 * The LMS's part of a cmi5 registration after launch: moveOn evaluated from what the AUs sent, the
 * `satisfied` statements for blocks and the course (cmi5 §9.3.9), `abandoned` for sessions that never
 * terminated, and the Today task closing when the course is satisfied.
 */

export type Cmi5Registration = typeof cmi5Registrations.$inferSelect;

export const learnerAgent = (site: string, personId: string) => ({
  objectType: "Agent",
  account: { homePage: site, name: personId },
});

export async function registrationByUuid(tenant: Tenant, registration: string) {
  const [row] = await tenant.selectRows(cmi5Registrations, eq(cmi5Registrations.registration, registration));
  return row ?? null;
}

/** The learner's registration for the activity: made on the first launch, kept for every later one. */
export async function registrationFor(
  tenant: Tenant,
  options: { personId: string; cohortId: string; activityId: string; packageId: string; now: Date },
): Promise<Cmi5Registration> {
  const key = [
    eq(cmi5Registrations.personId, options.personId),
    eq(cmi5Registrations.cohortId, options.cohortId),
    eq(cmi5Registrations.activityId, options.activityId),
  ];
  await tenant.db
    .insert(cmi5Registrations)
    .values(tenant.row({ ...options, registration: randomUUID(), createdAt: options.now }))
    .onConflictDoNothing();
  const [row] = await tenant.selectRows(cmi5Registrations, ...key);
  return row!;
}

/** What each AU has shown in the registration: the AU's completed/passed and the LMS's waived. */
async function factsOf(tenant: Tenant, registration: string): Promise<Map<string, AuFacts>> {
  const rows = await registrationStatements(tenant, registration, [VERB.completed, VERB.passed, VERB.waived]);
  const facts = new Map<string, AuFacts>();
  for (const row of rows) {
    if (!row.objectId) continue;
    const entry = facts.get(row.objectId) ?? { completed: false, passed: false, waived: false };
    if (row.verb === VERB.completed) entry.completed = true;
    if (row.verb === VERB.passed) entry.passed = true;
    if (row.verb === VERB.waived) entry.waived = true;
    facts.set(row.objectId, entry);
  }
  return facts;
}

const NO_FACTS: AuFacts = { completed: false, passed: false, waived: false };

/** The AUs whose moveOn is met in the registration. */
export async function metUnits(tenant: Tenant, registration: string, units: PackageUnit[]) {
  const facts = await factsOf(tenant, registration);
  return new Set(
    units
      .filter((u) => moveOnMet(u.cmi5?.moveOn ?? "NotApplicable", facts.get(u.id) ?? NO_FACTS))
      .map((u) => u.id),
  );
}

/** Blocks (innermost included) and the course whose AUs are all met: what `satisfied` is due for. */
export function satisfiedTargets(units: PackageUnit[], met: ReadonlySet<string>) {
  const blocks = new Map<string, string[]>();
  for (const unit of units)
    for (const block of unit.cmi5?.blocks ?? [])
      blocks.set(block.id, [...(blocks.get(block.id) ?? []), unit.id]);
  const all = (ids: string[]) => ids.every((id) => met.has(id));
  return {
    blocks: [...blocks].filter(([, ids]) => all(ids)).map(([id]) => id),
    course: all(units.map((u) => u.id)),
  };
}

/**
 * Issues `satisfied` for each block and the course whose AUs all meet their moveOn (once each: the
 * statement id is derived from registration and activity), then closes the Today task.
 */
export async function satisfyWhatIsMet(
  tenant: Tenant,
  site: string,
  options: { registration: Cmi5Registration; sessionId: string; now: Date },
): Promise<void> {
  const { registration: reg, sessionId, now } = options;
  const pkg = await packageRow(tenant, reg.packageId);
  const met = await metUnits(tenant, reg.registration, pkg.units);
  const due = satisfiedTargets(pkg.units, met);
  const courseId = pkg.units[0]?.cmi5?.courseId ?? `${site}/xapi/packages/${pkg.id}`;
  const satisfy = (id: string, type: string) =>
    storeLmsStatement(
      tenant,
      site,
      lmsStatement({
        id: derivedId(reg.registration, id, "satisfied"),
        actor: learnerAgent(site, reg.personId),
        verb: "satisfied",
        object: { id, type },
        registration: reg.registration,
        sessionId,
        moveOn: true,
      }),
      now,
    );
  for (const block of due.blocks) await satisfy(block, CMI5.blockType);
  if (!due.course) return;
  await satisfy(courseId, CMI5.courseType);
  await completeActivity(tenant, site, { reg, title: pkg.title, now });
}

/** The course is satisfied: the registration says so once, and the learner's Today task is done. */
async function completeActivity(
  tenant: Tenant,
  site: string,
  { reg, title, now }: { reg: Cmi5Registration; title: string; now: Date },
): Promise<void> {
  await tenant.transaction(async (tx) => {
    const [first] = await tx.db
      .update(cmi5Registrations)
      .set({ satisfiedAt: now })
      .where(
        tx.where(
          cmi5Registrations,
          eq(cmi5Registrations.registration, reg.registration),
          isNull(cmi5Registrations.satisfiedAt),
        ),
      )
      .returning({ personId: cmi5Registrations.personId });
    if (!first) return;
    const { personId, cohortId, activityId } = reg;
    const [progress] = await tx.select(
      activityProgress,
      { status: activityProgress.status },
      eq(activityProgress.personId, personId),
      eq(activityProgress.cohortId, cohortId),
      eq(activityProgress.activityId, activityId),
    );
    if (progress?.status === "done") return;
    await saveProgress(tx, { personId, cohortId, activityId, status: "done", at: now });
    await recordStatement(tx, site, {
      personId,
      verb: "completed",
      object: { path: `activities/${activityId}`, name: title, type: "module" },
      registration: cohortId,
      timestamp: now,
      stored: now,
    });
  });
}

/**
 * Sessions of the registration that were launched but never terminated end as `abandoned` (cmi5
 * §9.3.7): when the learner launches again, or when a sweep finds them older than `before`.
 */
export async function abandonOpenSessions(
  tenant: Tenant,
  site: string,
  options: { registration?: string; before: Date; now: Date },
): Promise<number> {
  // Claimed in one UPDATE: two launches at once abandon a session once.
  const stale = await tenant.db
    .update(cmi5Sessions)
    .set({ abandonedAt: options.now })
    .where(
      tenant.where(
        cmi5Sessions,
        ...(options.registration ? [eq(cmi5Sessions.registration, options.registration)] : []),
        lte(cmi5Sessions.launchedAt, options.before),
        isNull(cmi5Sessions.terminatedAt),
        isNull(cmi5Sessions.abandonedAt),
      ),
    )
    .returning();
  for (const session of stale) {
    const seconds = Math.max(0, (options.now.getTime() - session.launchedAt.getTime()) / 1000);
    await storeLmsStatement(
      tenant,
      site,
      lmsStatement({
        id: derivedId(session.id, "abandoned"),
        actor: learnerAgent(site, session.personId),
        verb: "abandoned",
        object: { id: session.auId },
        registration: session.registration,
        sessionId: session.id,
        result: { duration: `PT${Math.round(seconds)}S` },
      }),
      options.now,
    );
  }
  return stale.length;
}

/** A session left open this long was abandoned: its credentials have expired by then. */
export const ABANDONED_AFTER_MS = 4 * 3600_000;

/**
 * The scheduled sweep: sessions of every organisation launched over four hours ago that never
 * terminated become `abandoned`. Across organisations first (which have any), then one Tenant each.
 */
export async function sweepAbandonedSessions(db: Db, site: string, now: Date): Promise<number> {
  const before = new Date(now.getTime() - ABANDONED_AFTER_MS);
  const organisations = await db
    .selectDistinct({ id: cmi5Sessions.organisationId })
    .from(cmi5Sessions)
    .where(
      and(
        isNull(cmi5Sessions.terminatedAt),
        isNull(cmi5Sessions.abandonedAt),
        lte(cmi5Sessions.launchedAt, before),
      ),
    );
  let abandoned = 0;
  for (const { id } of organisations)
    abandoned += await abandonOpenSessions(new Tenant(db, id), site, { before, now });
  return abandoned;
}

/** The listener the LRS calls with what a launched AU stored: terminated ends a session, moveOn is checked. */
export function cmi5StatementsListener(site: string): LaunchStatementsListener {
  return async (tenant, caller, statements, now) => {
    if (!caller.registration) return;
    const reg = await registrationByUuid(tenant, caller.registration);
    if (!reg) return;
    const verbOf = (s: (typeof statements)[number]) => (s.verb as { id?: string } | undefined)?.id;
    const sessionOf = (s: (typeof statements)[number]) =>
      String(
        ((s.context as { extensions?: Record<string, unknown> }) ?? {}).extensions?.[CMI5.sessionId] ?? "",
      );
    for (const statement of statements.filter((s) => verbOf(s) === VERB.terminated)) {
      const sessionId = sessionOf(statement);
      if (!/^[0-9a-f-]{36}$/i.test(sessionId)) continue;
      await tenant.db
        .update(cmi5Sessions)
        .set({ terminatedAt: now })
        .where(
          tenant.where(
            cmi5Sessions,
            eq(cmi5Sessions.id, sessionId),
            and(eq(cmi5Sessions.registration, reg.registration), isNull(cmi5Sessions.terminatedAt)),
          ),
        );
    }
    const moving = statements.find((s) => verbOf(s) === VERB.completed || verbOf(s) === VERB.passed);
    if (moving)
      await satisfyWhatIsMet(tenant, site, {
        registration: reg,
        sessionId: sessionOf(moving) || randomUUID(),
        now,
      });
  };
}
