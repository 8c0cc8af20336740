import { eq } from "drizzle-orm";
import {
  assessments,
  attendance,
  cohortAssessors,
  successCaseInterviews,
  surveyResponses,
} from "../../db/schema/index.ts";
import { columnsOf, type Tenant } from "../../db/tenant.ts";

/**
 * The person's part of the evaluation in a GDPR export: attendance (with notes), survey answers,
 * interviews, assessors' comments on her competence proofs, the cohorts she was named assessor for.
 */
export async function collectImpactData(tenant: Tenant, personId: string) {
  return {
    attendance: await tenant.select(
      attendance,
      columnsOf(attendance, "cohortId", "sessionDate", "present", "excused", "note", "recordedAt"),
      eq(attendance.personId, personId),
    ),
    surveyAnswers: await tenant.select(
      surveyResponses,
      columnsOf(surveyResponses, "cohortId", "moment", "answers", "submittedAt"),
      eq(surveyResponses.personId, personId),
    ),
    successCaseInterviews: await tenant.select(
      successCaseInterviews,
      columnsOf(successCaseInterviews, "kind", "notes", "createdAt", "updatedAt", "finalAt"),
      eq(successCaseInterviews.personId, personId),
    ),
    assessmentComments: await tenant.select(
      assessments,
      columnsOf(assessments, "cohortId", "activityId", "comment", "assessedAt"),
      eq(assessments.personId, personId),
    ),
    namedAssessorFor: await tenant.select(
      cohortAssessors,
      columnsOf(cohortAssessors, "cohortId", "namedAt"),
      eq(cohortAssessors.personId, personId),
    ),
  };
}

/**
 * Erasure: interviews and assessors' comments (free text about the person) go, and so do attendance
 * notes and her naming as assessor; attendance itself and survey answers (option numbers, no text)
 * stay under the anonymous placeholder, so the cohort's figures stay true.
 */
export async function eraseImpactData(tenant: Tenant, personId: string): Promise<void> {
  await tenant.db
    .delete(successCaseInterviews)
    .where(tenant.where(successCaseInterviews, eq(successCaseInterviews.personId, personId)));
  await tenant.db.delete(assessments).where(tenant.where(assessments, eq(assessments.personId, personId)));
  await tenant.db
    .delete(cohortAssessors)
    .where(tenant.where(cohortAssessors, eq(cohortAssessors.personId, personId)));
  await tenant.db
    .update(attendance)
    .set({ note: null })
    .where(tenant.where(attendance, eq(attendance.personId, personId)));
}
