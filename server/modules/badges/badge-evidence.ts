import { eq, sql } from "drizzle-orm";
import { actionPlans, applicationConfirmations, measures, planApplications } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { bestShare, type Evidence } from "./badge-progress.ts";

/**
 * The learner's evidence per competence, read once for all badges: competence proofs taken and
 * applications a manager confirmed. The award and the passport both read it from here.
 */
export async function evidenceOf(
  tenant: Tenant,
  personId: string,
): Promise<(competenceId: string) => Evidence> {
  const [proofs, confirmed] = await Promise.all([
    tenant.select(
      measures,
      { competenceId: measures.competenceId, correct: measures.correct, total: measures.total },
      eq(measures.personId, personId),
      eq(measures.kind, "competence-proof"),
    ),
    // Distinct applications: two managers confirming one application still count it once.
    tenant.db
      .select({
        competenceId: actionPlans.competenceId,
        n: sql<number>`count(distinct ${planApplications.id})`.mapWith(Number),
      })
      .from(planApplications)
      .innerJoin(actionPlans, tenant.refersTo(planApplications.planId, actionPlans))
      .innerJoin(
        applicationConfirmations,
        tenant.refersTo(applicationConfirmations.applicationId, planApplications),
      )
      .where(tenant.where(planApplications, eq(planApplications.personId, personId)))
      .groupBy(actionPlans.competenceId),
  ]);
  return (competenceId) => ({
    bestProofShare: bestShare(proofs.filter((p) => p.competenceId === competenceId)),
    confirmedApplications: confirmed.find((c) => c.competenceId === competenceId)?.n ?? 0,
  });
}
