import { and, asc, eq, inArray, isNull, lt } from "drizzle-orm";
import type { PulseRating, PulseView } from "../../../common/schemas/action-plans.ts";
import type { TodayItem } from "../../../common/schemas/learning.ts";
import { actionPlans, planPulses } from "../../db/schema/index.ts";
import { oneOrMany } from "../../db/one-or-many.ts";
import { columnsOf, type Tenant } from "../../db/tenant.ts";
import { invalid } from "../../errors.ts";
import { recordAudit } from "../../audit.ts";
import type { Scope } from "../../http/scope.ts";
import { type Enrolment, timeZoneOf } from "../cohorts/index.ts";
import { ownPlan } from "./action-plans.service.ts";
import { pulseWeek, weekStart } from "./pulse-week.ts";

/** The learner's plans that are still open: an archived plan asks nothing of her. */
const openPlansOf = (tenant: Tenant, personId: string) =>
  tenant
    .selectRows(actionPlans, eq(actionPlans.personId, personId), isNull(actionPlans.archivedAt))
    .orderBy(asc(actionPlans.createdAt));

/** This week's pulse: every open plan with the rating given so far this week. */
export async function myPulse({ tenant, actor, now }: Scope): Promise<PulseView> {
  const week = pulseWeek(await timeZoneOf(tenant, actor.personId), now);
  const plans = await openPlansOf(tenant, actor.personId);
  const given =
    plans.length === 0
      ? []
      : await tenant.selectRows(
          planPulses,
          eq(planPulses.week, week),
          inArray(
            planPulses.planId,
            plans.map((p) => p.id),
          ),
        );
  const views = plans.map((plan) => {
    const pulse = given.find((g) => g.planId === plan.id);
    return {
      planId: plan.id,
      situation: plan.situation,
      action: plan.action,
      rating: pulse?.rating ?? null,
      answeredAt: pulse?.answeredAt.toISOString() ?? null,
    };
  });
  return { week, given: views.every((v) => v.rating !== null), plans: views };
}

/**
 * The learner's one tap on an open plan for this week. One record per plan and week, whatever the
 * number of taps: a repeat keeps it, another rating corrects it (audited, as a manager reads it).
 * "Did it" is the learner's own word, so it is not an application a manager could confirm; the plans
 * page offers to log what happened, which is.
 */
export async function givePulse(
  scope: Scope,
  { planId, rating }: { planId: string; rating: PulseRating },
): Promise<PulseView> {
  const { tenant, actor, now } = scope;
  const plan = await ownPlan(tenant, actor, planId);
  if (plan.archivedAt !== null) throw invalid("rating", "plan_archived");
  const week = pulseWeek(await timeZoneOf(tenant, actor.personId), now);
  await tenant.transaction(async (tx) => {
    const [before] = await tx.select(
      planPulses,
      { rating: planPulses.rating },
      eq(planPulses.planId, planId),
      eq(planPulses.week, week),
    );
    if (before?.rating === rating) return;
    await tx.db
      .insert(planPulses)
      .values(tx.row({ planId, personId: actor.personId, week, rating, answeredAt: now }))
      .onConflictDoUpdate({
        target: [planPulses.organisationId, planPulses.planId, planPulses.week],
        set: { rating, answeredAt: now },
      });
    if (before)
      await recordAudit(
        tx,
        actor,
        "plan-pulse.update",
        { type: "action-plan", id: planId },
        { week, from: before.rating, to: rating },
      );
  });
  return myPulse(scope);
}

/** A learner whose Today is being built: who, in which cohorts, on which of their own dates. */
export interface TodayOf {
  personId: string;
  enrolments: Enrolment[];
  today: string;
}

/**
 * The pulse's place on Today, per learner: one small item while an open plan written before their
 * today has no rating this week (a plan written today has had no week yet). One query per date among
 * the learners (nearly always one).
 */
export async function pulseTodayItemsOfPeople(
  tenant: Tenant,
  people: TodayOf[],
): Promise<Map<string, TodayItem[]>> {
  const items = new Map<string, TodayItem[]>();
  for (const today of new Set(people.map((person) => person.today))) {
    const onThatDay = people.filter((person) => person.today === today);
    const waiting = await plansWaitingForPulse(
      tenant,
      onThatDay.map((person) => person.personId),
      today,
    );
    for (const person of onThatDay)
      items.set(person.personId, pulseItem(person, waiting.get(person.personId) ?? [], today));
  }
  return items;
}

/** Each learner's open plans written before `today` without a rating in today's week. */
async function plansWaitingForPulse(tenant: Tenant, personIds: string[], today: string) {
  const rows = await tenant.db
    .select({ plan: actionPlans, rating: planPulses.rating })
    .from(actionPlans)
    .leftJoin(
      planPulses,
      and(tenant.refersTo(planPulses.planId, actionPlans), eq(planPulses.week, weekStart(today))),
    )
    .where(
      tenant.where(
        actionPlans,
        oneOrMany(actionPlans.personId, personIds),
        isNull(actionPlans.archivedAt),
        lt(actionPlans.createdAt, new Date(`${today}T00:00:00Z`)),
      ),
    );
  const waiting = new Map<string, (typeof actionPlans.$inferSelect)[]>();
  for (const { plan, rating } of rows)
    if (rating === null) waiting.set(plan.personId, [...(waiting.get(plan.personId) ?? []), plan]);
  return waiting;
}

function pulseItem(
  { enrolments }: TodayOf,
  waiting: (typeof actionPlans.$inferSelect)[],
  today: string,
): TodayItem[] {
  const enrolment =
    enrolments.find((e) => waiting.some((plan) => plan.cohortId === e.cohortId)) ?? enrolments[0];
  if (waiting.length === 0 || !enrolment) return [];
  return [
    {
      key: `pulse:${weekStart(today)}`,
      kind: "pulse",
      cohortId: enrolment.cohortId,
      cohortName: enrolment.cohortName,
      activityId: null,
      competenceId: null,
      // The page words it; the count says how many plans wait for a tap.
      title: String(waiting.length),
      type: null,
      phase: null,
      date: today,
      durationMinutes: 1,
      mandatory: false,
      status: "today",
      choice: null,
      href: "/plans#pulse",
    },
  ];
}

/** The learner's pulses for the GDPR export. */
export const collectPlanPulses = (tenant: Tenant, personId: string) =>
  tenant.select(
    planPulses,
    columnsOf(planPulses, "planId", "week", "rating", "answeredAt"),
    eq(planPulses.personId, personId),
  );

/** Erasure: the pulses are the learner's own word about herself and feed no group figure, so they go. */
export async function erasePlanPulses(tenant: Tenant, personId: string): Promise<void> {
  await tenant.db.delete(planPulses).where(tenant.where(planPulses, eq(planPulses.personId, personId)));
}
