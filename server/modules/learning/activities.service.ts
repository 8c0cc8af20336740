import { and, eq, inArray, isNull } from "drizzle-orm";
import type {
  ActivityDetail,
  ExtraMaterialView,
  ProgressStatus,
  TestResult,
} from "../../../common/schemas/learning.ts";
import type { ScheduledActivity } from "../../../common/schemas/cohorts.ts";
import { activityProgress, answers, measures, questions, remediations } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { scheduleOf } from "../cohorts/index.ts";
import {
  checkInMoment,
  closedAt,
  checkInsPerTask,
  managerNamesOf,
  presentCheckIn,
  type TaskFacts,
  taskFactsOf,
  taskToolOf,
  toolHref,
} from "./task-tools.ts";
import { presentScheduled } from "./learning.presenter.ts";
import { awardEarnedBadges } from "../badges/index.ts";
import { surveyFor } from "../impact/index.ts";
import { recordStatement } from "../xapi/index.ts";
import {
  competenceName,
  type Enrolment,
  enrolmentOf,
  readingMinutes,
  saveProgress,
} from "../cohorts/index.ts";

const testTypes = new Set(["insight-test", "competence-proof"]);
/** Done on the practice day itself or through practice, not with a button. */
const notMarkable = new Set(["practice-session", "retrieval-practice"]);

/** An activity of one of the learner's cohorts. */
interface ActivityRef {
  cohortId: string;
  activityId: string;
}

type TestKind = "insight-test" | "competence-proof";

function findActivity(enrolment: Enrolment, activityId: string): ScheduledActivity {
  const activity = scheduleOf(enrolment).find((a) => a.activityId === activityId);
  if (!activity) throw notFound("activity");
  return activity;
}

async function testQuestions(tenant: Tenant, enrolment: Enrolment, kind: TestKind) {
  const rows = await tenant
    .selectRows(questions, eq(questions.trajectoryId, enrolment.trajectoryId), isNull(questions.deletedAt))
    .orderBy(questions.createdAt, questions.id);
  return rows.filter((q) => q.uses.includes(kind) && q.kind !== "open");
}

/** The learner's result per competence, with advice from the feedback of the options they missed. */
async function storedResult(
  tenant: Tenant,
  personId: string,
  enrolment: Enrolment,
  activityId: string,
  kind: TestKind,
): Promise<TestResult | null> {
  const scores = await tenant.selectRows(
    measures,
    eq(measures.personId, personId),
    eq(measures.cohortId, enrolment.cohortId),
    eq(measures.activityId, activityId),
  );
  if (scores.length === 0) return null;
  const given = await tenant.db
    .select({ answer: answers, question: questions })
    .from(answers)
    .innerJoin(questions, tenant.refersTo(answers.questionId, questions))
    .where(
      tenant.where(
        answers,
        eq(answers.personId, personId),
        eq(answers.cohortId, enrolment.cohortId),
        eq(answers.context, kind),
        eq(answers.correct, false),
      ),
    );
  return {
    kind,
    takenAt: scores[0]!.takenAt.toISOString(),
    scores: scores.map((score) => ({
      competenceId: score.competenceId,
      competence: competenceName(enrolment.document, score.competenceId),
      correct: score.correct,
      total: score.total,
      advice: given
        .filter((g) => g.answer.competenceId === score.competenceId)
        .map((g) => g.question.options.find((o) => o.id === g.answer.optionId)?.feedback ?? "")
        .filter(Boolean),
    })),
  };
}

/** One activity of the learner's own cohort: content, status, and its test or survey if it has one. */
export async function getActivity(
  { tenant, actor }: Scope,
  { cohortId, activityId }: ActivityRef,
): Promise<ActivityDetail> {
  const enrolment = await enrolmentOf(tenant, actor.personId, cohortId);
  const activity = findActivity(enrolment, activityId);
  const designed = enrolment.document.activities.find((a) => a.id === activityId);
  const content = designed?.content ?? null;
  // A package closes its activity itself when the learner completes or passes it.
  const packageId = designed?.packageId ?? null;
  const [state] = await tenant.selectRows(
    activityProgress,
    eq(activityProgress.personId, actor.personId),
    eq(activityProgress.cohortId, cohortId),
    eq(activityProgress.activityId, activityId),
  );
  const kind = testTypes.has(activity.type) ? (activity.type as TestKind) : null;
  const bank = kind ? await testQuestions(tenant, enrolment, kind) : [];
  const test =
    kind && bank.length > 0
      ? {
          questions: bank.map((q) => ({
            id: q.id,
            kind: q.kind,
            competence: competenceName(enrolment.document, q.competenceId),
            situation: q.situation,
            prompt: q.prompt,
            options: q.options.map((o) => ({ id: o.id, text: o.text })),
          })),
          result: await storedResult(tenant, actor.personId, enrolment, activityId, kind),
        }
      : null;
  const survey = await surveyFor(tenant, actor.personId, enrolment, activityId);
  const toolKind = taskToolOf(activity.type);
  const facts = toolKind ? await taskFactsOf(tenant, actor.personId, [enrolment]) : null;
  const closed = facts !== null && closedAt(enrolment, activity, facts) !== null;
  return {
    cohortId,
    cohortName: enrolment.cohortName,
    activityId,
    ...presentScheduled(activity),
    content,
    readingMinutes: content ? readingMinutes(content) : null,
    // A tool task is done when its record exists; an earlier tick (before tasks closed themselves) stays.
    status: closed ? "done" : (state?.status ?? "open"),
    test,
    survey,
    canMarkDone:
      test === null && survey === null && !notMarkable.has(activity.type) && toolKind === null && !packageId,
    packageId,
    tool: facts ? await toolOf(tenant, actor.personId, enrolment, activity, facts) : null,
  };
}

/** What the activity page shows of a tool task: the form to open, or who holds the check-in and its agreements. */
async function toolOf(
  tenant: Tenant,
  personId: string,
  enrolment: Enrolment,
  activity: ScheduledActivity,
  facts: TaskFacts,
): Promise<NonNullable<ActivityDetail["tool"]>> {
  const kind = taskToolOf(activity.type)!;
  if (kind !== "check-in")
    return { kind, href: toolHref(kind, enrolment.cohortId), moment: null, managers: [], checkIn: null };
  const closing = checkInsPerTask(enrolment, facts).get(activity.activityId);
  return {
    kind,
    href: null,
    moment: checkInMoment(activity.phase),
    managers: await managerNamesOf(tenant, personId),
    checkIn: closing ? presentCheckIn(closing) : null,
  };
}

const verbFor = { done: "completed", chosen: "registered", skipped: "waived" } as const;

/**
 * Mark as done; choose or skip an optional activity, or take that choice back ("open"). Saying the
 * same twice is harmless.
 */
export async function setProgress(
  scope: Scope,
  { cohortId, activityId, status }: ActivityRef & { status: ProgressStatus },
): Promise<ActivityDetail> {
  const { tenant, actor, now, site } = scope;
  const detail = await getActivity(scope, { cohortId, activityId });
  if (status !== "done" && detail.mandatory) throw invalid("status", "not_optional");
  if (status === "done" && detail.tool) throw invalid("status", "closed_by_tool");
  if (status === "done" && !detail.canMarkDone) throw invalid("status", "cannot_mark_done");
  if (status === "open") return takeBack(scope, { cohortId, activityId });
  await tenant.transaction(async (tx) => {
    await saveProgress(tx, { personId: actor.personId, cohortId, activityId, status, at: now });
    await recordStatement(tx, site, {
      personId: actor.personId,
      verb: verbFor[status],
      object: { path: `activities/${detail.activityId}`, name: detail.title, type: "module" },
      registration: cohortId,
      timestamp: now,
      stored: now,
    });
  });
  return getActivity(scope, { cohortId, activityId });
}

/**
 * Takes a skip or a choice back: the progress row goes, and the optional activity is on the menu again.
 * A done activity stays done; taking back twice is harmless.
 */
async function takeBack(scope: Scope, { cohortId, activityId }: ActivityRef): Promise<ActivityDetail> {
  const { tenant, actor } = scope;
  await tenant.db
    .delete(activityProgress)
    .where(
      tenant.where(
        activityProgress,
        and(
          eq(activityProgress.personId, actor.personId),
          eq(activityProgress.cohortId, cohortId),
          eq(activityProgress.activityId, activityId),
          inArray(activityProgress.status, ["skipped", "chosen"]),
        ),
      ),
    );
  return getActivity(scope, { cohortId, activityId });
}

/**
 * Scores the kick-off insight test or the final competence proof per competence and stores the
 * scores as measures for the impact module. One submission counts; the insight test's misses become
 * the learner's development points.
 */
export async function submitTest(
  { tenant, actor, now, site }: Scope,
  {
    cohortId,
    activityId,
    answers: given,
  }: ActivityRef & { answers: { questionId: string; optionId: string }[] },
): Promise<TestResult> {
  const enrolment = await enrolmentOf(tenant, actor.personId, cohortId);
  const activity = findActivity(enrolment, activityId);
  if (!testTypes.has(activity.type)) throw new AppError("NOT_A_TEST");
  const kind = activity.type as TestKind;
  const bank = await testQuestions(tenant, enrolment, kind);
  if (bank.length === 0) throw new AppError("NOT_A_TEST");
  if (await storedResult(tenant, actor.personId, enrolment, activityId, kind))
    throw new AppError("ALREADY_SUBMITTED");
  const chosen = new Map(given.map((g) => [g.questionId, g.optionId]));
  if (bank.some((q) => !chosen.has(q.id))) throw invalid("answers", "incomplete_answers");
  const graded = bank.map((q) => {
    const option = q.options.find((o) => o.id === chosen.get(q.id));
    if (!option) throw invalid("answers", "unknown_option");
    return { question: q, optionId: option.id, correct: option.correct };
  });
  const competences = [...new Set(graded.map((g) => g.question.competenceId))];
  await tenant.transaction(async (tx) => {
    await tx.db.insert(answers).values(
      tx.rows(
        graded.map((g) => ({
          personId: actor.personId,
          cohortId,
          questionId: g.question.id,
          competenceId: g.question.competenceId,
          context: kind,
          clientId: `${kind}:${cohortId}:${activityId}:${g.question.id}`,
          optionId: g.optionId,
          correct: g.correct,
          answeredAt: now,
          receivedAt: now,
        })),
      ),
    );
    await tx.db.insert(measures).values(
      tx.rows(
        competences.map((competenceId) => {
          const mine = graded.filter((g) => g.question.competenceId === competenceId);
          return {
            personId: actor.personId,
            cohortId,
            trajectoryId: enrolment.trajectoryId,
            activityId,
            kind,
            competenceId,
            correct: mine.filter((g) => g.correct).length,
            total: mine.length,
            takenAt: now,
          };
        }),
      ),
    );
    await saveProgress(tx, { personId: actor.personId, cohortId, activityId, status: "done", at: now });
    const right = graded.filter((g) => g.correct).length;
    await recordStatement(tx, site, {
      personId: actor.personId,
      verb: "scored",
      object: { path: `activities/${activityId}`, name: activity.title, type: "assessment" },
      result: { score: { scaled: Math.round((right / graded.length) * 1000) / 1000 } },
      registration: cohortId,
      timestamp: now,
      stored: now,
    });
  });
  if (kind === "competence-proof") await awardEarnedBadges(tenant, actor.personId, site, now);
  return (await storedResult(tenant, actor.personId, enrolment, activityId, kind))!;
}

/** Extra material on a competence of the learner's cohort, and whether they have read it. */
export async function getExtraMaterial(
  { tenant, actor }: Scope,
  { cohortId, competenceId }: { cohortId: string; competenceId: string },
): Promise<ExtraMaterialView> {
  const enrolment = await enrolmentOf(tenant, actor.personId, cohortId);
  const competence = enrolment.document.competences.find((c) => c.id === competenceId);
  const [remediation] = await tenant.selectRows(
    remediations,
    eq(remediations.personId, actor.personId),
    eq(remediations.cohortId, cohortId),
    eq(remediations.competenceId, competenceId),
  );
  if (!competence?.extraMaterial) throw notFound("extra material");
  return {
    cohortId,
    competenceId,
    competence: competence.name,
    content: competence.extraMaterial,
    readingMinutes: readingMinutes(competence.extraMaterial),
    done: Boolean(remediation?.materialDoneAt),
  };
}

/** Marks extra material as read (again is harmless). */
export async function markExtraMaterialDone(
  scope: Scope,
  { cohortId, competenceId }: { cohortId: string; competenceId: string },
): Promise<ExtraMaterialView> {
  const { tenant, actor, now, site } = scope;
  const material = await getExtraMaterial(scope, { cohortId, competenceId });
  await tenant.transaction(async (tx) => {
    await tx.db
      .insert(remediations)
      .values(
        tx.row({ personId: actor.personId, cohortId, competenceId, startedAt: now, materialDoneAt: now }),
      )
      .onConflictDoUpdate({
        target: [
          remediations.organisationId,
          remediations.personId,
          remediations.cohortId,
          remediations.competenceId,
        ],
        set: { materialDoneAt: now },
      });
    await recordStatement(tx, site, {
      personId: actor.personId,
      verb: "completed",
      object: { path: `extra-material/${competenceId}`, name: material.competence, type: "module" },
      registration: cohortId,
      timestamp: now,
      stored: now,
    });
  });
  return { ...material, done: true };
}
