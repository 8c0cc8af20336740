import { eq } from "drizzle-orm";
import { attendance, successCaseInterviews, surveyResponses } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";

/** The person's part of the evaluation in a GDPR export: attendance, survey answers, interviews. */
export async function collectImpactData(tenant: Tenant, personId: string) {
  return {
    attendance: await tenant.db
      .select({
        cohortId: attendance.cohortId,
        sessionDate: attendance.sessionDate,
        present: attendance.present,
      })
      .from(attendance)
      .where(tenant.where(attendance, eq(attendance.personId, personId))),
    surveyAnswers: await tenant.db
      .select({
        cohortId: surveyResponses.cohortId,
        moment: surveyResponses.moment,
        answers: surveyResponses.answers,
        submittedAt: surveyResponses.submittedAt,
      })
      .from(surveyResponses)
      .where(tenant.where(surveyResponses, eq(surveyResponses.personId, personId))),
    successCaseInterviews: await tenant.db
      .select({
        kind: successCaseInterviews.kind,
        notes: successCaseInterviews.notes,
        createdAt: successCaseInterviews.createdAt,
        updatedAt: successCaseInterviews.updatedAt,
        finalAt: successCaseInterviews.finalAt,
      })
      .from(successCaseInterviews)
      .where(tenant.where(successCaseInterviews, eq(successCaseInterviews.personId, personId))),
  };
}

/**
 * Erasure: interviews (free text about the person) go; attendance and survey answers (option numbers,
 * no text) stay under the anonymous placeholder, so the cohort's figures stay true.
 */
export async function eraseImpactData(tenant: Tenant, personId: string): Promise<void> {
  await tenant.db
    .delete(successCaseInterviews)
    .where(tenant.where(successCaseInterviews, eq(successCaseInterviews.personId, personId)));
}
