import { desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { interviewBody, SuccessCasesView } from "../../../common/schemas/impact.ts";
import { learnerPreferences, successCaseInterviews } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, invalid } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import type { Participant } from "./impact-data.ts";
import { gatherImpact } from "./impact.service.ts";
import { pickCases } from "./success-cases.ts";
import { recordAudit } from "../../audit.ts";

async function consentsOf(tenant: Tenant, personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await tenant.db
    .select({ personId: learnerPreferences.personId })
    .from(learnerPreferences)
    .where(
      tenant.where(
        learnerPreferences,
        inArray(learnerPreferences.personId, personIds),
        eq(learnerPreferences.interviewConsent, true),
      ),
    );
  return new Set(rows.map((r) => r.personId));
}

async function interviewsOf(tenant: Tenant, trajectoryId: string) {
  return tenant.db
    .select()
    .from(successCaseInterviews)
    .where(tenant.where(successCaseInterviews, eq(successCaseInterviews.trajectoryId, trajectoryId)))
    .orderBy(desc(successCaseInterviews.createdAt));
}

/**
 * The most and least successful learners of a trajectory (or one cohort), only those who agreed to be
 * asked, each with their latest interview. Opening the list is logged: it names people.
 */
export async function getSuccessCases(
  scope: Scope,
  { trajectoryId, cohortId }: { trajectoryId: string; cohortId?: string },
): Promise<SuccessCasesView> {
  const { tenant, actor } = scope;
  const facts = await gatherImpact(scope, { trajectoryId, cohortId, permission: "impact.people" });
  const learners = facts.learners.filter((l) => !l.erased);
  const consents = await consentsOf(
    tenant,
    learners.map((l) => l.personId),
  );
  const interviews = await interviewsOf(tenant, trajectoryId);
  const cohortName = new Map(facts.scope.cohorts.map((c) => [c.id, c.name]));
  const picked = pickCases(learners.map((l) => ({ ...l, consented: consents.has(l.personId) })));
  const present = (l: Participant & { score: number }) => {
    const interview = interviews.find((i) => i.personId === l.personId);
    return {
      personId: l.personId,
      name: l.name,
      cohort: cohortName.get(l.cohortId) ?? "",
      score: l.score,
      applications: l.applications,
      confirmedApplications: l.confirmedApplications,
      reportedUse: l.reportedUse,
      interview: interview
        ? {
            id: interview.id,
            notes: interview.notes,
            evidenceChecked: interview.evidenceChecked,
            createdAt: interview.createdAt.toISOString(),
          }
        : null,
    };
  };
  await recordAudit(tenant, actor, "impact.success-cases-viewed", { type: "trajectory", id: trajectoryId });
  return {
    most: picked.most.map(present),
    least: picked.least.map(present),
    withoutConsent: picked.withoutConsent,
  };
}

/** Saves a structured interview with a learner of the trajectory who agreed to be asked. */
export async function recordInterview(
  scope: Scope,
  { trajectoryId, ...body }: z.infer<typeof interviewBody> & { trajectoryId: string },
) {
  const { tenant, actor, now } = scope;
  const facts = await gatherImpact(scope, { trajectoryId, permission: "impact.people" });
  const learner = facts.learners.find((l) => l.personId === body.personId && !l.erased);
  if (!learner) throw invalid("personId", "not_in_cohort");
  if (!(await consentsOf(tenant, [body.personId])).has(body.personId))
    throw new AppError("NO_INTERVIEW_CONSENT");
  const [row] = await tenant.transaction(async (tx) => {
    const inserted = await tx.db
      .insert(successCaseInterviews)
      .values(tx.row({ trajectoryId, interviewerId: actor.personId, ...body, createdAt: now }))
      .returning();
    await recordAudit(tx, actor, "impact.interview-recorded", { type: "person", id: body.personId });
    return inserted;
  });
  return { id: row!.id, createdAt: row!.createdAt.toISOString() };
}
