import { eq, inArray } from "drizzle-orm";
import { surveyMomentOf, surveyQuestions } from "../../../common/impact-vocabulary.ts";
import type { StandardView, SurveyAnswers, SurveyView } from "../../../common/schemas/impact.ts";
import { cohorts, surveyResponses, surveyStandards } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, invalid } from "../../errors.ts";
import type { Actor } from "../../http/context.ts";
import type { Scope } from "../../http/scope.ts";
import { type Enrolment, enrolmentOf, saveProgress } from "../cohorts/index.ts";
import { recordStatement } from "../xapi/index.ts";
import { impactScope } from "./impact.service.ts";
import { missingOrUnknown, standardsWithDefaults, surveyResults } from "./survey.ts";
import { recordAudit } from "../../audit.ts";

/** The survey as the learner sees it on the activity's page: the moment's questions and their answers. */
export async function surveyFor(
  tenant: Tenant,
  personId: string,
  enrolment: Enrolment,
  activityId: string,
): Promise<SurveyView | null> {
  const activity = enrolment.document.activities.find((a) => a.id === activityId);
  if (activity?.type !== "learner-survey") return null;
  const moment = surveyMomentOf(activity.offsetDays);
  const [response] = await tenant.select(
    surveyResponses,
    { answers: surveyResponses.answers },
    eq(surveyResponses.personId, personId),
    eq(surveyResponses.cohortId, enrolment.cohortId),
    eq(surveyResponses.activityId, activityId),
  );
  return { moment, questions: [...surveyQuestions[moment]], answers: response?.answers ?? null };
}

const titleOf = (enrolment: Enrolment, activityId: string) =>
  enrolment.document.activities.find((a) => a.id === activityId)?.title ?? activityId;

/** Stores one learner's answers once and marks the survey done, in one transaction. */
export async function submitSurvey(
  { tenant, actor, now, site }: Scope,
  { cohortId, activityId, answers }: { cohortId: string; activityId: string; answers: SurveyAnswers },
): Promise<SurveyView> {
  const enrolment = await enrolmentOf(tenant, actor.personId, cohortId);
  const survey = await surveyFor(tenant, actor.personId, enrolment, activityId);
  if (!survey) throw new AppError("NOT_A_SURVEY");
  if (survey.answers) throw new AppError("ALREADY_SUBMITTED");
  if (missingOrUnknown(survey.moment, answers)) {
    throw invalid("answers", "incomplete_answers");
  }
  await tenant.transaction(async (tx) => {
    const inserted = await tx.db
      .insert(surveyResponses)
      .values(
        tx.row({
          cohortId: enrolment.cohortId,
          personId: actor.personId,
          activityId,
          moment: survey.moment,
          answers,
          submittedAt: now,
        }),
      )
      .onConflictDoNothing()
      .returning({ id: surveyResponses.id });
    if (inserted.length === 0) throw new AppError("ALREADY_SUBMITTED");
    await saveProgress(tx, {
      personId: actor.personId,
      cohortId: enrolment.cohortId,
      activityId,
      status: "done",
      at: now,
    });
    await recordStatement(tx, site, {
      personId: actor.personId,
      verb: "completed",
      object: { path: `activities/${activityId}`, name: titleOf(enrolment, activityId), type: "module" },
      registration: enrolment.cohortId,
      timestamp: now,
      stored: now,
    });
  });
  return { ...survey, answers };
}

async function responsesOf(tenant: Tenant, cohortIds: string[]) {
  if (cohortIds.length === 0) return [];
  return tenant.select(
    surveyResponses,
    { moment: surveyResponses.moment, answers: surveyResponses.answers },
    inArray(surveyResponses.cohortId, cohortIds),
  );
}

async function ownStandards(tenant: Tenant, trajectoryId: string): Promise<StandardView[]> {
  return tenant.select(
    surveyStandards,
    {
      question: surveyStandards.question,
      acceptableFrom: surveyStandards.acceptableFrom,
      targetPercent: surveyStandards.targetPercent,
    },
    eq(surveyStandards.trajectoryId, trajectoryId),
  );
}

/** Results per moment against the standards; locked once any learner of the trajectory answered. */
export async function getSurveyResults(
  tenant: Tenant,
  actor: Actor,
  trajectoryId: string,
  cohortId?: string,
) {
  const scope = await impactScope(tenant, actor, trajectoryId, cohortId);
  const all = await responsesOf(
    tenant,
    scope.cohorts.map((c) => c.id),
  );
  const inView = cohortId ? await responsesOf(tenant, [cohortId]) : all;
  const standards = standardsWithDefaults(await ownStandards(tenant, trajectoryId));
  return surveyResults(inView, standards, all.length > 0);
}

/**
 * Sets the answer standards. Refused once an answer exists: standards decided after reading the data
 * would only describe the data.
 */
export async function setStandards(
  { tenant, actor, now }: Scope,
  { trajectoryId, standards }: { trajectoryId: string; standards: StandardView[] },
) {
  const scope = await impactScope(tenant, actor, trajectoryId, undefined, "impact.record");
  const unknown = standards.findIndex(
    (s) => !standardsWithDefaults([]).some((d) => d.question === s.question),
  );
  if (unknown >= 0) {
    throw new AppError("VALIDATION_FAILED", "unknown question", {}, [
      { field: `standards.${unknown}.question`, code: "invalid_choice" },
    ]);
  }
  await tenant.transaction(async (tx) => {
    const answered = await tx.db
      .select({ id: surveyResponses.id })
      .from(surveyResponses)
      .innerJoin(cohorts, tx.refersTo(surveyResponses.cohortId, cohorts))
      .where(tx.where(surveyResponses, eq(cohorts.trajectoryId, scope.trajectoryId)))
      .limit(1);
    if (answered.length > 0) throw new AppError("STANDARDS_LOCKED");
    for (const s of standards) {
      await tx.db
        .insert(surveyStandards)
        .values(tx.row({ trajectoryId, ...s, setBy: actor.personId, setAt: now }))
        .onConflictDoUpdate({
          target: [surveyStandards.organisationId, surveyStandards.trajectoryId, surveyStandards.question],
          set: {
            acceptableFrom: s.acceptableFrom,
            targetPercent: s.targetPercent,
            setBy: actor.personId,
            setAt: now,
          },
        });
    }
    await recordAudit(tx, actor, "impact.standards-set", { type: "trajectory", id: trajectoryId });
  });
  return getSurveyResults(tenant, actor, trajectoryId);
}
