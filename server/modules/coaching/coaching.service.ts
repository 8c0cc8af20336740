import { asc, eq, inArray, ne } from "drizzle-orm";
import type { CoachView, MyCoachingView } from "../../../common/schemas/coaching.ts";
import {
  actionPlans,
  coachingRelations,
  coachingSessions,
  personRoles,
  persons,
} from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { notFound } from "../../errors.ts";
import { correctRecord, removeRecord } from "../../audit.ts";
import type { Scope } from "../../http/scope.ts";
import { plansOf } from "../action-plans/index.ts";
import { notify } from "../notices/index.ts";
import {
  authorize,
  canAnswer,
  canChangeSession,
  canLinkPlan,
  canOffer,
  canSchedule,
  canSeePlans,
} from "./coaching.policy.ts";

type Relation = typeof coachingRelations.$inferSelect;

async function relationsOf(tenant: Tenant, column: "coachId" | "coacheeId", personId: string) {
  return tenant.db
    .select({ relation: coachingRelations, coach: persons.name })
    .from(coachingRelations)
    .innerJoin(persons, tenant.refersTo(coachingRelations.coachId, persons))
    .where(tenant.where(coachingRelations, eq(coachingRelations[column], personId)));
}

async function relationById(tenant: Tenant, relationId: string): Promise<Relation | undefined> {
  const [relation] = await tenant.selectRows(coachingRelations, eq(coachingRelations.id, relationId));
  return relation;
}

async function sessionsOf(tenant: Tenant, relationIds: string[]) {
  if (relationIds.length === 0) return [];
  return tenant
    .selectRows(coachingSessions, inArray(coachingSessions.relationId, relationIds))
    .orderBy(asc(coachingSessions.scheduledAt));
}

const presentSession = (s: typeof coachingSessions.$inferSelect) => ({
  id: s.id,
  scheduledAt: s.scheduledAt.toISOString(),
  notes: s.notes,
  planId: s.planId,
});

async function namesOf(tenant: Tenant, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tenant.select(persons, { id: persons.id, name: persons.name }, inArray(persons.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The coach's screen. Plans are shown only for coachees who accepted; for the rest, just a name. */
export async function getCoachView({ tenant, actor, locale }: Scope): Promise<CoachView> {
  authorize(actor, "coaching.coach");
  const relations = (await relationsOf(tenant, "coachId", actor.personId)).map((r) => r.relation);
  const names = await namesOf(
    tenant,
    relations.map((r) => r.coacheeId),
  );
  const accepted = relations.filter(canSeePlans);
  const sessions = await sessionsOf(
    tenant,
    accepted.map((r) => r.id),
  );
  const learners = await tenant.db
    .selectDistinct({ personId: persons.id, name: persons.name })
    .from(persons)
    .innerJoin(personRoles, tenant.refersTo(personRoles.personId, persons))
    .where(
      tenant.where(
        persons,
        eq(personRoles.role, "learner"),
        eq(persons.status, "active"),
        ne(persons.id, actor.personId),
      ),
    )
    .orderBy(asc(persons.name));
  const related = new Set(relations.map((r) => r.coacheeId));
  return {
    coachees: await Promise.all(
      accepted.map(async (r) => ({
        relationId: r.id,
        personId: r.coacheeId,
        name: names.get(r.coacheeId) ?? "",
        plans: await plansOf(tenant, r.coacheeId, locale),
        sessions: sessions.filter((s) => s.relationId === r.id).map(presentSession),
      })),
    ),
    invited: relations
      .filter((r): r is Relation & { status: "invited" | "declined" } => r.status !== "accepted")
      .map((r) => ({ relationId: r.id, name: names.get(r.coacheeId) ?? "", status: r.status })),
    candidates: learners.filter((l) => !related.has(l.personId)),
  };
}

/** Offers coaching to a colleague; offering twice changes nothing. */
export async function inviteCoachee({ tenant, actor, now, site }: Scope, { personId }: { personId: string }) {
  authorize(actor, "coaching.coach");
  const [person] = await tenant.select(
    persons,
    { id: persons.id },
    eq(persons.id, personId),
    eq(persons.status, "active"),
  );
  if (!canOffer({ actorId: actor.personId, personId, personActive: person !== undefined }))
    throw notFound("person");
  await tenant.transaction(async (tx) => {
    await tx.db
      .insert(coachingRelations)
      .values(
        tx.row({
          coachId: actor.personId,
          coacheeId: personId,
          status: "invited" as const,
          createdAt: now,
        }),
      )
      .onConflictDoNothing();
    await notify(tx, {
      personId,
      kind: "coaching-offered",
      params: { from: actor.personId },
      href: "/coaching",
      key: `coaching-offered:${actor.personId}`,
      now,
      site,
    });
  });
}

/** The learner decides: accepting lets this coach see their plans; declining keeps everything private. */
export async function answerInvitation(
  { tenant, actor, now }: Scope,
  { relationId, accept }: { relationId: string; accept: boolean },
) {
  const relation = await relationById(tenant, relationId);
  if (!relation || !canAnswer({ actorId: actor.personId, relation })) throw notFound("invitation");
  await tenant.db
    .update(coachingRelations)
    .set({ status: accept ? "accepted" : "declined", answeredAt: now })
    .where(tenant.where(coachingRelations, eq(coachingRelations.id, relationId)));
}

/** The coaching offered to the signed-in person, and their sessions with the coach's notes. */
export async function getMyCoaching({ tenant, actor }: Scope): Promise<MyCoachingView> {
  const rows = await relationsOf(tenant, "coacheeId", actor.personId);
  const accepted = rows.filter((r) => canSeePlans(r.relation));
  const sessions = await sessionsOf(
    tenant,
    accepted.map((r) => r.relation.id),
  );
  return {
    invitations: rows
      .filter((r) => r.relation.status === "invited")
      .map((r) => ({ relationId: r.relation.id, coach: r.coach })),
    coaches: accepted.map((r) => ({
      relationId: r.relation.id,
      coach: r.coach,
      sessions: sessions.filter((s) => s.relationId === r.relation.id).map(presentSession),
    })),
  };
}

/** A session may be about one of the coachee's own plans; any other plan does not exist to the coach. */
async function assertLinkablePlan(tenant: Tenant, relation: Relation, planId: string): Promise<void> {
  const [plan] = await tenant.select(
    actionPlans,
    { personId: actionPlans.personId },
    eq(actionPlans.id, planId),
  );
  if (!plan || !canLinkPlan({ planOwnerId: plan.personId, relation })) throw notFound("plan");
}

/** A session on an accepted relation, optionally about one of the coachee's own plans. */
export async function scheduleSession(
  { tenant, actor, now, site }: Scope,
  input: { relationId: string; scheduledAt: string; notes: string; planId?: string | undefined },
) {
  authorize(actor, "coaching.coach");
  const relation = await relationById(tenant, input.relationId);
  if (!relation || !canSchedule({ actorId: actor.personId, relation })) throw notFound("coachee");
  if (input.planId) await assertLinkablePlan(tenant, relation, input.planId);
  return tenant.transaction(async (tx) => {
    const [row] = await tx.db
      .insert(coachingSessions)
      .values(
        tx.row({
          relationId: relation.id,
          scheduledAt: new Date(input.scheduledAt),
          notes: input.notes,
          planId: input.planId ?? null,
          createdAt: now,
        }),
      )
      .returning();
    if (input.notes.trim() !== "")
      await notify(tx, {
        personId: relation.coacheeId,
        kind: "coaching-note",
        params: { from: actor.personId },
        href: "/coaching",
        key: `coaching-note:${row!.id}`,
        now,
        site,
      });
    return presentSession(row!);
  });
}

/** The session and its relation if the signed-in coach holds it; to anyone else it does not exist. */
async function ownSession(tenant: Tenant, actorId: string, sessionId: string) {
  const [row] = await tenant.db
    .select({ session: coachingSessions, relation: coachingRelations })
    .from(coachingSessions)
    .innerJoin(coachingRelations, tenant.refersTo(coachingSessions.relationId, coachingRelations))
    .where(tenant.where(coachingSessions, eq(coachingSessions.id, sessionId)));
  if (!row || !canChangeSession({ actorId, relation: row.relation })) throw notFound("session");
  return row;
}

/**
 * The coach corrects a session: when, the notes, the plan it was about. The coachee reads the notes, so
 * the change is audited.
 */
export async function updateSession(
  scope: Scope,
  {
    coachingSessionId,
    ...input
  }: {
    coachingSessionId: string;
    scheduledAt?: string | undefined;
    notes?: string | undefined;
    planId?: string | null | undefined;
  },
) {
  const { tenant, actor } = scope;
  const { relation } = await ownSession(tenant, actor.personId, coachingSessionId);
  if (input.planId) await assertLinkablePlan(tenant, relation, input.planId);
  const updated = await correctRecord(scope, {
    table: coachingSessions,
    subject: { type: "coaching-session", id: coachingSessionId },
    changes: {
      scheduledAt: input.scheduledAt === undefined ? undefined : new Date(input.scheduledAt),
      notes: input.notes,
      planId: input.planId,
    },
    details: { coacheeId: relation.coacheeId },
  });
  return presentSession(updated);
}

/** The coach deletes a session (a duplicate, one that did not happen); audited, the coachee read it. */
export async function deleteSession(scope: Scope, { coachingSessionId }: { coachingSessionId: string }) {
  const { relation } = await ownSession(scope.tenant, scope.actor.personId, coachingSessionId);
  await removeRecord(scope, {
    table: coachingSessions,
    subject: { type: "coaching-session", id: coachingSessionId },
    details: { coacheeId: relation.coacheeId },
  });
}
