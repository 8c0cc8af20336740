import { eq } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import type { ImpactView } from "../../../common/schemas/impact.ts";
import type { PlannedMeasure, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { trajectories } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { notFound } from "../../errors.ts";
import type { Actor } from "../../http/context.ts";
import type { Scope } from "../../http/scope.ts";
import { translator } from "../../i18n.ts";
import { explainPrePost } from "./effect-explanation.ts";
import {
  type CohortRow,
  kpiFacts,
  loadKpis,
  loadParticipants,
  type Participant,
  trajectoryCohorts,
} from "./impact-data.ts";
import { authorize, type ImpactPermission } from "./impact.policy.ts";
import { activityOf, effectivePlan } from "../../../common/measurement-plan.ts";
import { computeTiers, percentOf } from "./tiers.ts";

export interface ImpactScope {
  trajectoryId: string;
  title: string;
  document: TrajectoryDocument;
  cohorts: CohortRow[];
  /** The cohorts being looked at: one, or all of the trajectory's. */
  selected: CohortRow[];
  cohortId: string | null;
}

/** The trajectory and the cohorts in view, after the permission check; 404 for anything not ours. */
export async function impactScope(
  tenant: Tenant,
  actor: Actor,
  trajectoryId: string,
  cohortId: string | undefined,
  permission: ImpactPermission = "impact.read",
): Promise<ImpactScope> {
  authorize(actor, permission);
  const [row] = await tenant.selectRows(trajectories, eq(trajectories.id, trajectoryId));
  if (!row) throw notFound("trajectory");
  const all = await trajectoryCohorts(tenant, trajectoryId);
  const selected = cohortId ? all.filter((c) => c.id === cohortId) : all;
  if (cohortId && selected.length === 0) throw notFound("cohort");
  return {
    trajectoryId,
    title: row.title,
    document: row.document,
    cohorts: all,
    selected,
    cohortId: cohortId ?? null,
  };
}

export function measureLabeller(doc: TrajectoryDocument, locale: Locale) {
  const t = translator(locale);
  return (line: PlannedMeasure) => {
    const base = t(`impact.instruments.${line.instrument}`);
    const activity = activityOf(doc, line.activityId);
    return activity ? `${base}: ${activity.title}` : base;
  };
}

/** The default pair: the test before the practice day against the last test after it. */
function prePostPair(plan: PlannedMeasure[], asked: { pre?: string; post?: string }) {
  const tests = plan.filter((line) => line.instrument === "test");
  const pre = tests.find((l) => l.activityId === asked.pre) ?? tests.find((l) => l.timing === "before");
  const post =
    tests.find((l) => l.activityId === asked.post) ?? tests.filter((l) => l.timing !== "before").at(-1);
  return pre && post && pre !== post ? { pre, post } : null;
}

function effectSizeOf(
  scope: ImpactScope,
  plan: PlannedMeasure[],
  learners: Participant[],
  asked: { pre?: string; post?: string },
  locale: Locale,
) {
  const pair = prePostPair(plan, asked);
  if (!pair) return null;
  const label = measureLabeller(scope.document, locale);
  const pairs = learners
    .filter((l) => l.tests.has(pair.pre.activityId!) && l.tests.has(pair.post.activityId!))
    .map((l) => ({
      pre: percentOf(l.tests.get(pair.pre.activityId!)!),
      post: percentOf(l.tests.get(pair.post.activityId!)!),
    }));
  return explainPrePost(pairs, { pre: label(pair.pre), post: label(pair.post) }, locale);
}

export interface ImpactFacts {
  scope: ImpactScope;
  plan: PlannedMeasure[];
  planIsDefault: boolean;
  learners: Participant[];
  kpis: Awaited<ReturnType<typeof loadKpis>>;
}

/** What a trajectory's impact is computed from: the cohorts in view, the plan, each learner's facts, KPIs. */
export async function gatherImpact(
  scope: Scope,
  options: { trajectoryId: string; cohortId?: string; permission?: ImpactPermission },
): Promise<ImpactFacts> {
  const { tenant, actor, now } = scope;
  const { trajectoryId, cohortId, permission = "impact.read" } = options;
  const inView = await impactScope(tenant, actor, trajectoryId, cohortId, permission);
  const { plan, isDefault } = effectivePlan(inView.document);
  const learners = await loadParticipants(
    tenant,
    inView.document,
    inView.selected,
    now.toISOString().slice(0, 10),
  );
  const kpis = await loadKpis(tenant, trajectoryId);
  return { scope: inView, plan, planIsDefault: isDefault, learners, kpis };
}

export function presentImpact(
  facts: ImpactFacts,
  asked: { pre?: string; post?: string },
  locale: Locale,
): ImpactView {
  const { scope, plan, learners } = facts;
  return {
    trajectoryId: scope.trajectoryId,
    title: scope.title,
    cohortId: scope.cohortId,
    cohorts: scope.cohorts.map((c) => ({ id: c.id, name: c.name, practiceDay: c.sessionDates[0] ?? null })),
    participants: learners.length,
    tiers: computeTiers(
      plan,
      learners,
      kpiFacts(facts.kpis),
      measureLabeller(scope.document, locale),
      translator(locale),
    ),
    effectSize: effectSizeOf(scope, plan, learners, asked, locale),
    planIsDefault: facts.planIsDefault,
  };
}

/** The evidence per tier for a trajectory (or one cohort), in the scope's language. */
export async function getImpact(
  scope: Scope,
  options: { trajectoryId: string; cohortId?: string; pre?: string; post?: string },
): Promise<ImpactView> {
  const facts = await gatherImpact(scope, options);
  return presentImpact(facts, options, scope.locale);
}
