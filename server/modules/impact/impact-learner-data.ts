import { eq } from "drizzle-orm";
import { attendance, successCaseInterviews, surveyResponses } from "../../db/schema/index.ts";
import { columnsOf, type Tenant } from "../../db/tenant.ts";

/** The person's part of the evaluation in a GDPR export: attendance, survey answers, interviews. */
export async function collectImpactData(tenant: Tenant, personId: string) {
  return {
    attendance: await tenant.select(
      attendance,
      columnsOf(attendance, "cohortId", "sessionDate", "present"),
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
