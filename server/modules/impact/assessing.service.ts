import { eq, inArray, isNull } from "drizzle-orm";
import type { AssessingView } from "../../../common/schemas/attendance.ts";
import { cohortAssessors, cohorts, measures, persons, trajectories } from "../../db/schema/index.ts";
import type { Scope } from "../../http/scope.ts";
import { participantsOf } from "../cohorts/index.ts";

const proofIdsOf = (document: typeof trajectories.$inferSelect.document) =>
  document.activities
    .map((a, index) => ({ id: a.id ?? `#${index}`, type: a.type }))
    .filter((a) => a.type === "competence-proof")
    .map((a) => a.id);

/**
 * The cohorts this person was named assessor for (running ones only), each with how many
 * participant × proof pairs there are to score and how many are scored. Anyone may ask: the answer
 * is about their own naming, so a person named nowhere gets an empty list, never a refusal.
 */
export async function listMyAssessing({ tenant, actor }: Scope): Promise<AssessingView> {
  const named = await tenant.db
    .select({ cohortId: cohorts.id, name: cohorts.name, document: trajectories.document })
    .from(cohortAssessors)
    .innerJoin(cohorts, tenant.refersTo(cohortAssessors.cohortId, cohorts))
    .innerJoin(trajectories, tenant.refersTo(cohorts.trajectoryId, trajectories))
    .where(
      tenant.where(
        cohortAssessors,
        eq(cohortAssessors.personId, actor.personId),
        isNull(cohorts.cancelledAt),
      ),
    )
    .orderBy(cohorts.name);
  if (named.length === 0) return { cohorts: [] };
  const ids = named.map((c) => c.cohortId);
  const [people, done] = await Promise.all([
    participantsOf(tenant, ids, isNull(persons.erasedAt)),
    // A result is a proof's measure, as on the assessor form: scored by an assessor or taken as a test.
    tenant
      .select(
        measures,
        { cohortId: measures.cohortId, personId: measures.personId, activityId: measures.activityId },
        inArray(measures.cohortId, ids),
        eq(measures.kind, "competence-proof"),
      )
      .groupBy(measures.cohortId, measures.personId, measures.activityId),
  ]);
  return {
    cohorts: named.map(({ cohortId, name, document }) => {
      const proofs = new Set(proofIdsOf(document));
      // Nobody scores their own proof, so the assessor is not counted among the people to score.
      const scorable = people.filter((p) => p.cohortId === cohortId && p.personId !== actor.personId);
      const scorableIds = new Set(scorable.map((p) => p.personId));
      const scored = done.filter(
        (a) => a.cohortId === cohortId && scorableIds.has(a.personId) && proofs.has(a.activityId),
      ).length;
      return { cohortId, name, trajectory: document.title, toScore: scorable.length * proofs.size, scored };
    }),
  };
}
