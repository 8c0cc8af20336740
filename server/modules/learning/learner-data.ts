import { eq } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
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
import { columnsOf, type Tenant, type TenantTable } from "../../db/tenant.ts";

/** The learner's part of a GDPR export: progress, answers, scores, preferences and xAPI statements. */
export async function collectLearningData(tenant: Tenant, personId: string) {
  const ofPerson = (column: PgColumn) => eq(column, personId);
  const [progress, given, scores, extra, preferences, statements] = await Promise.all([
    tenant.select(
      activityProgress,
      { ...columnsOf(activityProgress, "cohortId", "activityId", "status"), at: activityProgress.updatedAt },
      ofPerson(activityProgress.personId),
    ),
    tenant.db
      .select({
        question: questions.prompt,
        ...columnsOf(answers, "context", "optionId", "text", "selfRating", "correct", "answeredAt"),
      })
      .from(answers)
      .innerJoin(questions, tenant.refersTo(answers.questionId, questions))
      .where(tenant.where(answers, ofPerson(answers.personId))),
    tenant.select(
      measures,
      columnsOf(measures, "kind", "competenceId", "correct", "total", "takenAt"),
      ofPerson(measures.personId),
    ),
    tenant.select(
      remediations,
      columnsOf(remediations, "competenceId", "startedAt", "materialDoneAt"),
      ofPerson(remediations.personId),
    ),
    tenant.select(
      learnerPreferences,
      columnsOf(learnerPreferences, "nudgeFrequency", "pausedUntil", "calendarToken"),
      ofPerson(learnerPreferences.personId),
    ),
    tenant.select(xapiStatements, columnsOf(xapiStatements, "statement"), ofPerson(xapiStatements.personId)),
  ]);
  const plans = await tenant.select(
    actionPlans,
    columnsOf(actionPlans, "situation", "action", "firstMoment", "createdAt", "archivedAt"),
    ofPerson(actionPlans.personId),
  );
  const applications = await tenant.select(
    planApplications,
    columnsOf(planApplications, "occurredAt", "whatHappened", "outcome", "updatedAt"),
    ofPerson(planApplications.personId),
  );
  const credentials = await tenant.select(
    badgeAwards,
    columnsOf(badgeAwards, "credential"),
    ofPerson(badgeAwards.personId),
  );
  const talks = await tenant.select(
    checkIns,
    columnsOf(checkIns, "kind", "agreements", "at", "updatedAt"),
    ofPerson(checkIns.personId),
  );
  const feedback = await tenant.select(
    feedbackRequests,
    {
      ...columnsOf(feedbackRequests, "about", "wentWell", "tryNext"),
      asked: feedbackRequests.createdAt,
      answered: feedbackRequests.answeredAt,
    },
    ofPerson(feedbackRequests.requesterId),
  );
  const coaching = await tenant.db
    .select({
      status: coachingRelations.status,
      offeredAt: coachingRelations.createdAt,
      ...columnsOf(coachingSessions, "scheduledAt", "notes"),
    })
    .from(coachingRelations)
    .leftJoin(coachingSessions, tenant.refersTo(coachingSessions.relationId, coachingRelations))
    .where(tenant.where(coachingRelations, ofPerson(coachingRelations.coacheeId)));
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
  const { db } = tenant;
  const theirs = (table: TenantTable, column: PgColumn) => tenant.where(table, eq(column, personId));
  await db.update(answers).set({ text: null }).where(theirs(answers, answers.personId));
  await db
    .update(actionPlans)
    .set({ situation: "—", action: "—" })
    .where(theirs(actionPlans, actionPlans.personId));
  await db
    .update(planApplications)
    .set({ whatHappened: "" })
    .where(theirs(planApplications, planApplications.personId));
  // Their feedback requests (with any photo or video) go; answers they wrote for others lose their text.
  await db.delete(feedbackRequests).where(theirs(feedbackRequests, feedbackRequests.requesterId));
  await db
    .update(feedbackRequests)
    .set({ wentWell: "", tryNext: "" })
    .where(theirs(feedbackRequests, feedbackRequests.colleagueId));
  // A credential names the person (by a hashed email): it goes. Check-in notes go; the fact of a talk stays.
  await db.delete(badgeAwards).where(theirs(badgeAwards, badgeAwards.personId));
  await db.update(checkIns).set({ agreements: "" }).where(theirs(checkIns, checkIns.personId));
  await db.delete(learnerPreferences).where(theirs(learnerPreferences, learnerPreferences.personId));
  // Coaching about them (offers and the coach's session notes) goes with them.
  await db.delete(coachingRelations).where(theirs(coachingRelations, coachingRelations.coacheeId));
}
