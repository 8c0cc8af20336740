import { desc, eq, inArray, isNull } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import type { PlanView } from "../../../common/schemas/action-plans.ts";
import { actionPlans, applicationConfirmations, planApplications, questions } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { invalid, notFound } from "../../errors.ts";
import { recordAudit } from "../../audit.ts";
import type { Actor } from "../../http/context.ts";
import type { Scope } from "../../http/scope.ts";
import { enrolmentOf, enrolmentsOf } from "../cohorts/index.ts";
import { recordStatement } from "../xapi/index.ts";
import { canChangePlan } from "./action-plans.policy.ts";
import { oneOrMany } from "../../db/one-or-many.ts";
import { checkPlan } from "./plan-checker.ts";
import { pulsesOf } from "./pulse-history.ts";

/** "One to three plans": a fourth would thin out the attention each one gets. */
export const MAX_PLANS_PER_COHORT = 3;

interface NewPlan {
  situation: string;
  action: string;
  firstMoment: string;
  competenceId?: string | undefined;
  cohortId?: string | undefined;
  questionIds?: string[] | undefined;
}

/** The checks a plan's content passes when written and when corrected. */
async function assertPlanContent(
  tenant: Tenant,
  actor: Actor,
  input: Omit<NewPlan, "situation" | "action" | "firstMoment">,
): Promise<void> {
  const enrolments = input.cohortId
    ? [await enrolmentOf(tenant, actor.personId, input.cohortId)]
    : await enrolmentsOf(tenant, actor.personId);
  if (
    input.competenceId &&
    !enrolments.some((e) => e.document.competences.some((c) => c.id === input.competenceId))
  )
    throw invalid("competenceId", "unknown_competence");
  if (input.questionIds?.length) {
    if (!input.cohortId) throw invalid("questionIds", "unknown_question");
    const found = await tenant.select(
      questions,
      { id: questions.id, uses: questions.uses },
      inArray(questions.id, input.questionIds),
      eq(questions.trajectoryId, enrolments[0]!.trajectoryId),
      isNull(questions.deletedAt),
    );
    const practice = found.filter((q) => q.uses.includes("practice"));
    if (practice.length !== new Set(input.questionIds).size) throw invalid("questionIds", "unknown_question");
  }
}

const isPast = (firstMoment: string, now: Date) =>
  new Date(firstMoment).getTime() < now.getTime() - 86_400_000;

async function assertPlanFits(tenant: Tenant, actor: Actor, input: NewPlan, now: Date): Promise<void> {
  if (isPast(input.firstMoment, now)) throw invalid("firstMoment", "first_moment_in_past");
  await assertPlanContent(tenant, actor, input);
  const existing = await tenant.select(
    actionPlans,
    { id: actionPlans.id, cohortId: actionPlans.cohortId },
    eq(actionPlans.personId, actor.personId),
    isNull(actionPlans.archivedAt),
  );
  if (existing.filter((p) => p.cohortId === (input.cohortId ?? null)).length >= MAX_PLANS_PER_COHORT)
    throw invalid("action", "too_many_plans");
}

/** The plan if the signed-in learner owns it; to anyone else it does not exist. */
export async function ownPlan(tenant: Tenant, actor: Actor, planId: string) {
  const [plan] = await tenant.selectRows(actionPlans, eq(actionPlans.id, planId));
  if (!plan || !canChangePlan({ actorId: actor.personId, ownerId: plan.personId })) throw notFound("plan");
  return plan;
}

/**
 * The learner corrects their plan: the same checks as writing it (a first moment is only refused for
 * lying in the past when it was changed). Managers and coaches read plans, so the change is audited.
 */
export async function updatePlan(
  scope: Scope,
  { planId, ...input }: { planId: string } & Partial<Omit<NewPlan, "cohortId">>,
): Promise<PlanView> {
  const { tenant, actor, now, locale } = scope;
  const plan = await ownPlan(tenant, actor, planId);
  if (input.firstMoment !== undefined && new Date(input.firstMoment).getTime() !== plan.firstMoment.getTime())
    if (isPast(input.firstMoment, now)) throw invalid("firstMoment", "first_moment_in_past");
  await assertPlanContent(tenant, actor, {
    cohortId: plan.cohortId ?? undefined,
    ...(input.competenceId !== undefined ? { competenceId: input.competenceId } : {}),
    ...(input.questionIds !== undefined ? { questionIds: input.questionIds } : {}),
  });
  const changes = {
    ...(input.situation !== undefined ? { situation: input.situation } : {}),
    ...(input.action !== undefined ? { action: input.action } : {}),
    ...(input.firstMoment !== undefined ? { firstMoment: new Date(input.firstMoment) } : {}),
    ...(input.competenceId !== undefined ? { competenceId: input.competenceId } : {}),
    ...(input.questionIds !== undefined ? { questionIds: [...new Set(input.questionIds)] } : {}),
  };
  await tenant.transaction(async (tx) => {
    if (Object.keys(changes).length > 0)
      await tx.db
        .update(actionPlans)
        .set(changes)
        .where(tx.where(actionPlans, eq(actionPlans.id, planId)));
    await recordAudit(
      tx,
      actor,
      "action-plan.update",
      { type: "action-plan", id: planId },
      {
        fields: Object.keys(changes),
      },
    );
  });
  const [view] = await plansOf(tenant, actor.personId, locale, [planId], { archived: true });
  return view!;
}

/**
 * Archives or restores the learner's plan. An archived plan is hidden by default, produces no reminders
 * or Today items, and is not shown to manager or coach; its applications stay (they are evidence).
 */
export async function setPlanArchived(
  scope: Scope,
  { planId, archived }: { planId: string; archived: boolean },
): Promise<PlanView> {
  const { tenant, actor, now, locale } = scope;
  const plan = await ownPlan(tenant, actor, planId);
  if ((plan.archivedAt !== null) !== archived)
    await tenant.transaction(async (tx) => {
      await tx.db
        .update(actionPlans)
        .set({ archivedAt: archived ? now : null })
        .where(tx.where(actionPlans, eq(actionPlans.id, planId)));
      await recordAudit(tx, actor, archived ? "action-plan.archive" : "action-plan.restore", {
        type: "action-plan",
        id: planId,
      });
    });
  const [view] = await plansOf(tenant, actor.personId, locale, [planId], { archived: true });
  return view!;
}

export async function createPlan(scope: Scope, input: NewPlan): Promise<PlanView> {
  const { tenant, actor, now, site, locale } = scope;
  await assertPlanFits(tenant, actor, input, now);
  const id = await tenant.transaction(async (tx) => {
    const [plan] = await tx.db
      .insert(actionPlans)
      .values(
        tx.row({
          personId: actor.personId,
          cohortId: input.cohortId ?? null,
          competenceId: input.competenceId ?? null,
          situation: input.situation,
          action: input.action,
          firstMoment: new Date(input.firstMoment),
          questionIds: [...new Set(input.questionIds ?? [])],
          createdAt: now,
        }),
      )
      .returning({ id: actionPlans.id });
    await recordStatement(tx, site, {
      personId: actor.personId,
      verb: "registered",
      object: { path: `action-plans/${plan!.id}`, name: input.action, type: "module" },
      ...(input.cohortId ? { registration: input.cohortId } : {}),
      timestamp: now,
      stored: now,
    });
    return plan!.id;
  });
  const [view] = await plansOf(tenant, actor.personId, locale, [id]);
  return view!;
}

/** The signed-in learner's own plans, archived ones included (the page hides them by default). */
export const myPlans = ({ tenant, actor, locale }: Scope): Promise<PlanView[]> =>
  plansOf(tenant, actor.personId, locale, undefined, { archived: true });

/**
 * The learner's plans with their applications and whether a manager confirmed each one. Archived plans
 * only when asked: managers, coaches and the calendar feed see the plans the learner is working on.
 */
export async function plansOf(
  tenant: Tenant,
  personId: string,
  locale: Locale,
  only?: string[],
  { archived = false }: { archived?: boolean } = {},
): Promise<PlanView[]> {
  return (await plansOfPeople(tenant, [personId], locale, { only, archived })).get(personId)!;
}

/**
 * `plansOf` for many learners of the tenant at once (a sweep's group, a manager's team): three queries
 * for the whole group, each learner's plans newest first.
 */
export async function plansOfPeople(
  tenant: Tenant,
  personIds: string[],
  locale: Locale,
  { only, archived = false }: { only?: string[] | undefined; archived?: boolean } = {},
): Promise<Map<string, PlanView[]>> {
  const byPerson = new Map<string, PlanView[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return byPerson;
  const plans = await tenant
    .selectRows(
      actionPlans,
      oneOrMany(actionPlans.personId, personIds),
      only ? inArray(actionPlans.id, only) : undefined,
      archived ? undefined : isNull(actionPlans.archivedAt),
    )
    .orderBy(desc(actionPlans.createdAt));
  if (plans.length === 0) return byPerson;
  const planIds = plans.map((p) => p.id);
  const [applications, pulses] = await Promise.all([
    applicationsOf(tenant, planIds),
    pulsesOf(tenant, planIds),
  ]);
  for (const plan of plans)
    byPerson.get(plan.personId)?.push({
      id: plan.id,
      situation: plan.situation,
      action: plan.action,
      firstMoment: plan.firstMoment.toISOString(),
      competenceId: plan.competenceId,
      cohortId: plan.cohortId,
      questionIds: plan.questionIds,
      findings: checkPlan(plan, locale),
      archivedAt: plan.archivedAt?.toISOString() ?? null,
      applications: (applications.get(plan.id) ?? []).map((a) => ({
        id: a.application.id,
        occurredAt: a.application.occurredAt.toISOString(),
        whatHappened: a.application.whatHappened,
        outcome: a.application.outcome,
        confirmed: a.confirmed,
      })),
      pulses: pulses.get(plan.id) ?? [],
    });
  return byPerson;
}

/** The plans' applications, newest first, each once with whether any manager confirmed it. */
async function applicationsOf(tenant: Tenant, planIds: string[]) {
  const rows = await tenant.db
    .select({ application: planApplications, confirmedBy: applicationConfirmations.confirmedBy })
    .from(planApplications)
    .leftJoin(
      applicationConfirmations,
      tenant.refersTo(applicationConfirmations.applicationId, planApplications),
    )
    .where(tenant.where(planApplications, inArray(planApplications.planId, planIds)))
    .orderBy(desc(planApplications.occurredAt));
  const byPlan = new Map<string, ReturnType<typeof dedupe>>();
  for (const application of dedupe(rows)) {
    const list = byPlan.get(application.application.planId) ?? [];
    list.push(application);
    byPlan.set(application.application.planId, list);
  }
  return byPlan;
}

/** One row per application, confirmed when any manager confirmed it. */
function dedupe(rows: { application: typeof planApplications.$inferSelect; confirmedBy: string | null }[]) {
  const byId = new Map<string, { application: typeof planApplications.$inferSelect; confirmed: boolean }>();
  for (const row of rows) {
    const seen = byId.get(row.application.id);
    byId.set(row.application.id, {
      application: row.application,
      confirmed: (seen?.confirmed ?? false) || row.confirmedBy !== null,
    });
  }
  return [...byId.values()];
}
