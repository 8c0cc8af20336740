import { eq, gte, inArray, ne, sql } from "drizzle-orm";
import { DELAYED_FROM_DAYS } from "../../../common/impact-vocabulary.ts";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import {
  actionPlans,
  activityProgress,
  answers,
  applicationConfirmations,
  attendance,
  cohorts,
  impactKpis,
  measures,
  packageAttempts,
  planApplications,
  questions,
  surveyResponses,
} from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { calendarOf, computeSchedule, participantsOf } from "../cohorts/index.ts";
import type { KpiFact, LearnerFacts } from "./tiers.ts";
import { addDays } from "../../../common/dates.ts";

export interface CohortRow {
  id: string;
  name: string;
  sessionDates: string[];
}

export interface Participant extends LearnerFacts {
  name: string;
  cohortId: string;
  /** Erased (GDPR): still counted in totals, never listed by name. */
  erased: boolean;
}

/** Learner work that is a task to tick off: not the practice day itself and not spaced practice. */
const isTask = (a: { type: string; phase: string; mandatory: boolean }) =>
  a.mandatory && a.phase !== "session" && a.type !== "practice-session" && a.type !== "retrieval-practice";

export async function trajectoryCohorts(tenant: Tenant, trajectoryId: string): Promise<CohortRow[]> {
  return tenant
    .select(
      cohorts,
      { id: cohorts.id, name: cohorts.name, sessionDates: cohorts.sessionDates },
      eq(cohorts.trajectoryId, trajectoryId),
    )
    .orderBy(cohorts.createdAt);
}

const key = (personId: string, cohortId: string) => `${personId}:${cohortId}`;

/**
 * Everything the tiers need about each participant of the given cohorts, in a handful of queries
 * (one per source), all scoped to the organisation.
 */
export async function loadParticipants(
  tenant: Tenant,
  doc: TrajectoryDocument,
  cohortRows: CohortRow[],
  today: string,
): Promise<Participant[]> {
  const cohortIds = cohortRows.map((c) => c.id);
  if (cohortIds.length === 0) return [];
  const [people, calendar] = await Promise.all([participantsOf(tenant, cohortIds), calendarOf(tenant)]);
  const facts = new Map<string, Participant>(
    people.map((p) => [
      key(p.personId, p.cohortId),
      {
        personId: p.personId,
        cohortId: p.cohortId,
        name: p.name,
        erased: p.erasedAt !== null,
        attended: null,
        tasksDue: 0,
        tasksDone: 0,
        surveys: new Set<string>(),
        tests: new Map(),
        delayedDecisions: { answered: 0, correct: 0 },
        delayedKnowledge: { answered: 0, correct: 0 },
        applications: 0,
        confirmedApplications: 0,
        reportedUse: null,
      },
    ]),
  );
  const of = (personId: string, cohortId: string) => facts.get(key(personId, cohortId));

  for (const row of await tenant.selectRows(attendance, inArray(attendance.cohortId, cohortIds))) {
    const learner = of(row.personId, row.cohortId);
    if (learner) learner.attended = learner.attended === true || row.present;
  }

  const dueTasks = new Map(
    cohortRows.map((c) => [
      c.id,
      new Set(
        computeSchedule(doc, c.sessionDates, calendar)
          .filter((a) => isTask(a) && a.date <= today)
          .map((a) => a.activityId),
      ),
    ]),
  );
  for (const learner of facts.values()) learner.tasksDue = dueTasks.get(learner.cohortId)?.size ?? 0;
  for (const row of await tenant.select(
    activityProgress,
    {
      personId: activityProgress.personId,
      cohortId: activityProgress.cohortId,
      activityId: activityProgress.activityId,
    },
    inArray(activityProgress.cohortId, cohortIds),
    eq(activityProgress.status, "done"),
  )) {
    const learner = of(row.personId, row.cohortId);
    if (learner && dueTasks.get(row.cohortId)?.has(row.activityId)) learner.tasksDone += 1;
  }

  for (const row of await tenant.selectRows(surveyResponses, inArray(surveyResponses.cohortId, cohortIds))) {
    const learner = of(row.personId, row.cohortId);
    if (!learner) continue;
    learner.surveys.add(row.activityId);
    const applied = row.answers.applied;
    if (row.moment === "after-weeks" && applied !== undefined) {
      learner.reportedUse = Math.max(learner.reportedUse ?? 0, applied);
    }
  }

  for (const row of await tenant.selectRows(measures, inArray(measures.cohortId, cohortIds))) {
    const learner = of(row.personId, row.cohortId);
    if (!learner) continue;
    const sum = learner.tests.get(row.activityId) ?? { correct: 0, total: 0 };
    learner.tests.set(row.activityId, { correct: sum.correct + row.correct, total: sum.total + row.total });
  }

  await addPackageScores(tenant, cohortIds, of);
  await addDelayedDecisions(tenant, cohortRows, of);
  await addApplications(tenant, cohortIds, of);
  return [...facts.values()];
}

/**
 * A graded content package is a test of its activity (issue 18): its scaled score counts as the share
 * right, so a plan line "test" on that activity reads it like any other test. A package that reported
 * only passed or failed counts as 100% or 0%; one that reported neither has not been graded yet.
 */
async function addPackageScores(
  tenant: Tenant,
  cohortIds: string[],
  of: (personId: string, cohortId: string) => LearnerFacts | undefined,
): Promise<void> {
  const rows = await tenant.select(
    packageAttempts,
    {
      personId: packageAttempts.personId,
      cohortId: packageAttempts.cohortId,
      activityId: packageAttempts.activityId,
      score: packageAttempts.score,
      success: packageAttempts.success,
    },
    inArray(packageAttempts.cohortId, cohortIds),
  );
  for (const row of rows) {
    const learner = of(row.personId, row.cohortId);
    const scaled = row.score ?? (row.success === "passed" ? 1 : row.success === "failed" ? 0 : null);
    if (learner && scaled !== null)
      learner.tests.set(row.activityId, { correct: Math.round(scaled * 100), total: 100 });
  }
}

/** Practice answers days after the practice day: decisions (scenarios) and knowledge, counted apart. */
async function addDelayedDecisions(
  tenant: Tenant,
  cohortRows: CohortRow[],
  of: (personId: string, cohortId: string) => Participant | undefined,
) {
  for (const cohort of cohortRows) {
    const from = new Date(`${addDays(cohort.sessionDates[0]!, DELAYED_FROM_DAYS)}T00:00:00Z`);
    const rows = await tenant.db
      .select({
        personId: answers.personId,
        decisionIs: sql<boolean>`(${questions.kind} = 'scenario' or ${questions.level} = 'decision')`,
        answered: sql<number>`count(*)::int`,
        correct: sql<number>`count(*) filter (where ${answers.correct})::int`,
      })
      .from(answers)
      .innerJoin(questions, tenant.refersTo(answers.questionId, questions))
      .where(
        tenant.where(
          answers,
          eq(answers.cohortId, cohort.id),
          eq(answers.context, "practice"),
          gte(answers.answeredAt, from),
          ne(questions.kind, "open"),
        ),
      )
      .groupBy(answers.personId, sql`2`);
    for (const row of rows) {
      const learner = of(row.personId, cohort.id);
      const tally = { answered: row.answered, correct: row.correct };
      if (learner && row.decisionIs) learner.delayedDecisions = tally;
      else if (learner) learner.delayedKnowledge = tally;
    }
  }
}

/** Applications logged on plans of these cohorts (not "did not act"), and how many a manager confirmed. */
async function addApplications(
  tenant: Tenant,
  cohortIds: string[],
  of: (personId: string, cohortId: string) => Participant | undefined,
) {
  const rows = await tenant.db
    .select({
      personId: planApplications.personId,
      cohortId: actionPlans.cohortId,
      applications: sql<number>`count(distinct ${planApplications.id})::int`,
      confirmed: sql<number>`count(distinct ${applicationConfirmations.applicationId})::int`,
    })
    .from(planApplications)
    .innerJoin(actionPlans, tenant.refersTo(planApplications.planId, actionPlans))
    .leftJoin(
      applicationConfirmations,
      tenant.refersTo(applicationConfirmations.applicationId, planApplications),
    )
    .where(
      tenant.where(
        planApplications,
        inArray(actionPlans.cohortId, cohortIds),
        ne(planApplications.outcome, "did-not-act"),
      ),
    )
    .groupBy(planApplications.personId, actionPlans.cohortId);
  for (const row of rows) {
    const learner = of(row.personId, row.cohortId!);
    if (!learner) continue;
    learner.applications = row.applications;
    learner.confirmedApplications = row.confirmed;
  }
}

export async function loadKpis(tenant: Tenant, trajectoryId: string) {
  return tenant
    .selectRows(impactKpis, eq(impactKpis.trajectoryId, trajectoryId))
    .orderBy(impactKpis.createdAt);
}

export const kpiFacts = (rows: Awaited<ReturnType<typeof loadKpis>>): KpiFact[] =>
  rows.map((r) => ({ name: r.name, unit: r.unit, beforeValue: r.beforeValue, afterValue: r.afterValue }));
