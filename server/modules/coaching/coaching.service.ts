import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
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
import type { Actor } from "../../http/context.ts";
import { authorize as authorizeWith, type Grants } from "../../policy.ts";
import { plansOf } from "../action-plans/index.ts";

const grants: Grants<"coaching.coach"> = { "coaching.coach": ["coach"] };
const authorize = (actor: Actor) => authorizeWith(grants, actor, "coaching.coach");

type Relation = typeof coachingRelations.$inferSelect;

async function relationsOf(tenant: Tenant, column: "coachId" | "coacheeId", personId: string) {
  return tenant.db
    .select({ relation: coachingRelations, coach: persons.name })
    .from(coachingRelations)
    .innerJoin(
      persons,
      and(
        eq(persons.organisationId, coachingRelations.organisationId),
        eq(persons.id, coachingRelations.coachId),
      ),
    )
    .where(tenant.where(coachingRelations, eq(coachingRelations[column], personId)));
}

async function sessionsOf(tenant: Tenant, relationIds: string[]) {
  if (relationIds.length === 0) return [];
  return tenant.db
    .select()
    .from(coachingSessions)
    .where(tenant.where(coachingSessions, inArray(coachingSessions.relationId, relationIds)))
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
  const rows = await tenant.db
    .select({ id: persons.id, name: persons.name })
    .from(persons)
    .where(tenant.where(persons, inArray(persons.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The coach's screen. Plans are shown only for coachees who accepted; for the rest, just a name. */
export async function getCoachView(tenant: Tenant, actor: Actor, locale: Locale): Promise<CoachView> {
  authorize(actor);
  const relations = (await relationsOf(tenant, "coachId", actor.personId)).map((r) => r.relation);
  const names = await namesOf(
    tenant,
    relations.map((r) => r.coacheeId),
  );
  const accepted = relations.filter((r) => r.status === "accepted");
  const sessions = await sessionsOf(
    tenant,
    accepted.map((r) => r.id),
  );
  const learners = await tenant.db
    .selectDistinct({ personId: persons.id, name: persons.name })
    .from(persons)
    .innerJoin(
      personRoles,
      and(eq(personRoles.organisationId, persons.organisationId), eq(personRoles.personId, persons.id)),
    )
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

export async function inviteCoachee(tenant: Tenant, actor: Actor, personId: string, now: Date) {
  authorize(actor);
  const [person] = await tenant.db
    .select({ id: persons.id })
    .from(persons)
    .where(tenant.where(persons, eq(persons.id, personId), eq(persons.status, "active")));
  if (!person || personId === actor.personId) throw notFound("person");
  await tenant.db
    .insert(coachingRelations)
    .values(
      tenant.row({
        coachId: actor.personId,
        coacheeId: personId,
        status: "invited" as const,
        createdAt: now,
      }),
    )
    .onConflictDoNothing();
}

/** The learner decides: accepting lets this coach see their plans; declining keeps everything private. */
export async function answerInvitation(
  tenant: Tenant,
  actor: Actor,
  relationId: string,
  accept: boolean,
  now: Date,
) {
  const [updated] = await tenant.db
    .update(coachingRelations)
    .set({ status: accept ? "accepted" : "declined", answeredAt: now })
    .where(
      tenant.where(
        coachingRelations,
        eq(coachingRelations.id, relationId),
        eq(coachingRelations.coacheeId, actor.personId),
      ),
    )
    .returning({ id: coachingRelations.id });
  if (!updated) throw notFound("invitation");
}

export async function getMyCoaching(tenant: Tenant, actor: Actor): Promise<MyCoachingView> {
  const rows = await relationsOf(tenant, "coacheeId", actor.personId);
  const accepted = rows.filter((r) => r.relation.status === "accepted");
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

/** A session on an accepted relation, optionally about one of the coachee's own plans. */
export async function scheduleSession(
  tenant: Tenant,
  actor: Actor,
  input: { relationId: string; scheduledAt: string; notes: string; planId?: string | undefined },
  now: Date,
) {
  authorize(actor);
  const [relation] = await tenant.db
    .select()
    .from(coachingRelations)
    .where(
      tenant.where(
        coachingRelations,
        eq(coachingRelations.id, input.relationId),
        eq(coachingRelations.coachId, actor.personId),
        eq(coachingRelations.status, "accepted"),
      ),
    );
  if (!relation) throw notFound("coachee");
  if (input.planId) {
    const [plan] = await tenant.db
      .select({ id: actionPlans.id })
      .from(actionPlans)
      .where(
        tenant.where(
          actionPlans,
          eq(actionPlans.id, input.planId),
          eq(actionPlans.personId, relation.coacheeId),
        ),
      );
    if (!plan) throw notFound("plan");
  }
  const [row] = await tenant.db
    .insert(coachingSessions)
    .values(
      tenant.row({
        relationId: relation.id,
        scheduledAt: new Date(input.scheduledAt),
        notes: input.notes,
        planId: input.planId ?? null,
        createdAt: now,
      }),
    )
    .returning();
  return presentSession(row!);
}
