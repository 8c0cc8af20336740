import { and, eq } from "drizzle-orm";
import {
  feedbackRequests,
  actionPlans,
  activityProgress,
  badgeAwards,
  checkIns,
  coachingRelations,
  coachingSessions,
  answers,
  learnerPreferences,
  measures,
  planApplications,
  questions,
  remediations,
  xapiStatements,
} from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";

/** The learner's part of a GDPR export: progress, answers, scores, preferences and xAPI statements. */
export async function collectLearningData(tenant: Tenant, personId: string) {
  const [progress, given, scores, extra, preferences, statements] = await Promise.all([
    tenant.db
      .select({
        cohortId: activityProgress.cohortId,
        activityId: activityProgress.activityId,
        status: activityProgress.status,
        at: activityProgress.updatedAt,
      })
      .from(activityProgress)
      .where(tenant.where(activityProgress, eq(activityProgress.personId, personId))),
    tenant.db
      .select({
        question: questions.prompt,
        context: answers.context,
        optionId: answers.optionId,
        text: answers.text,
        selfRating: answers.selfRating,
        correct: answers.correct,
        answeredAt: answers.answeredAt,
      })
      .from(answers)
      .innerJoin(
        questions,
        and(eq(questions.organisationId, answers.organisationId), eq(questions.id, answers.questionId)),
      )
      .where(tenant.where(answers, eq(answers.personId, personId))),
    tenant.db
      .select({
        kind: measures.kind,
        competenceId: measures.competenceId,
        correct: measures.correct,
        total: measures.total,
        takenAt: measures.takenAt,
      })
      .from(measures)
      .where(tenant.where(measures, eq(measures.personId, personId))),
    tenant.db
      .select({
        competenceId: remediations.competenceId,
        startedAt: remediations.startedAt,
        materialDoneAt: remediations.materialDoneAt,
      })
      .from(remediations)
      .where(tenant.where(remediations, eq(remediations.personId, personId))),
    tenant.db
      .select({
        nudgeFrequency: learnerPreferences.nudgeFrequency,
        pausedUntil: learnerPreferences.pausedUntil,
        calendarToken: learnerPreferences.calendarToken,
      })
      .from(learnerPreferences)
      .where(tenant.where(learnerPreferences, eq(learnerPreferences.personId, personId))),
    tenant.db
      .select({ statement: xapiStatements.statement })
      .from(xapiStatements)
      .where(tenant.where(xapiStatements, eq(xapiStatements.personId, personId))),
  ]);
  const plans = await tenant.db
    .select({
      situation: actionPlans.situation,
      action: actionPlans.action,
      firstMoment: actionPlans.firstMoment,
      createdAt: actionPlans.createdAt,
      archivedAt: actionPlans.archivedAt,
    })
    .from(actionPlans)
    .where(tenant.where(actionPlans, eq(actionPlans.personId, personId)));
  const applications = await tenant.db
    .select({
      occurredAt: planApplications.occurredAt,
      whatHappened: planApplications.whatHappened,
      outcome: planApplications.outcome,
      updatedAt: planApplications.updatedAt,
    })
    .from(planApplications)
    .where(tenant.where(planApplications, eq(planApplications.personId, personId)));
  const credentials = await tenant.db
    .select({ credential: badgeAwards.credential })
    .from(badgeAwards)
    .where(tenant.where(badgeAwards, eq(badgeAwards.personId, personId)));
  const talks = await tenant.db
    .select({
      kind: checkIns.kind,
      agreements: checkIns.agreements,
      at: checkIns.at,
      updatedAt: checkIns.updatedAt,
    })
    .from(checkIns)
    .where(tenant.where(checkIns, eq(checkIns.personId, personId)));
  const feedback = await tenant.db
    .select({
      about: feedbackRequests.about,
      wentWell: feedbackRequests.wentWell,
      tryNext: feedbackRequests.tryNext,
      asked: feedbackRequests.createdAt,
      answered: feedbackRequests.answeredAt,
    })
    .from(feedbackRequests)
    .where(tenant.where(feedbackRequests, eq(feedbackRequests.requesterId, personId)));
  const coaching = await tenant.db
    .select({
      status: coachingRelations.status,
      offeredAt: coachingRelations.createdAt,
      scheduledAt: coachingSessions.scheduledAt,
      notes: coachingSessions.notes,
    })
    .from(coachingRelations)
    .leftJoin(
      coachingSessions,
      tenant.joinOn(
        coachingSessions,
        coachingRelations,
        eq(coachingSessions.relationId, coachingRelations.id),
      ),
    )
    .where(tenant.where(coachingRelations, eq(coachingRelations.coacheeId, personId)));
  return {
    coaching,
    feedbackAsked: feedback,
    badges: credentials.map((c) => c.credential),
    checkIns: talks,
    actionPlans: plans,
    applications,
    progress,
    answers: given,
    scores,
    extraMaterial: extra,
    // The feed address itself is a secret: the export says whether one exists, not what it is.
    preferences: preferences.map(({ calendarToken, ...rest }) => ({
      ...rest,
      calendarFeed: calendarToken !== null,
    })),
    xapiStatements: statements.map((s) => s.statement),
  };
}

/**
 * Erasure of the learner's part: free-text answers, plan wording, application notes and preferences
 * (with the calendar feed) go; right/wrong, scores, outcomes, confirmations and statements stay under the
 * anonymous placeholder, so group figures stay true.
 */
export async function eraseLearningData(tenant: Tenant, personId: string): Promise<void> {
  await tenant.db
    .update(answers)
    .set({ text: null })
    .where(tenant.where(answers, eq(answers.personId, personId)));
  await tenant.db
    .update(actionPlans)
    .set({ situation: "—", action: "—" })
    .where(tenant.where(actionPlans, eq(actionPlans.personId, personId)));
  await tenant.db
    .update(planApplications)
    .set({ whatHappened: "" })
    .where(tenant.where(planApplications, eq(planApplications.personId, personId)));
  // Their feedback requests (with any photo or video) go; answers they wrote for others lose their text.
  await tenant.db
    .delete(feedbackRequests)
    .where(tenant.where(feedbackRequests, eq(feedbackRequests.requesterId, personId)));
  await tenant.db
    .update(feedbackRequests)
    .set({ wentWell: "", tryNext: "" })
    .where(tenant.where(feedbackRequests, eq(feedbackRequests.colleagueId, personId)));
  // A credential names the person (by a hashed email): it goes. Check-in notes go; the fact of a talk stays.
  await tenant.db.delete(badgeAwards).where(tenant.where(badgeAwards, eq(badgeAwards.personId, personId)));
  await tenant.db
    .update(checkIns)
    .set({ agreements: "" })
    .where(tenant.where(checkIns, eq(checkIns.personId, personId)));
  await tenant.db
    .delete(learnerPreferences)
    .where(tenant.where(learnerPreferences, eq(learnerPreferences.personId, personId)));
  // Coaching about them (offers and the coach's session notes) goes with them.
  await tenant.db
    .delete(coachingRelations)
    .where(tenant.where(coachingRelations, eq(coachingRelations.coacheeId, personId)));
}
