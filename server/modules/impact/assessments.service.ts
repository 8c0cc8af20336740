import { eq, inArray, isNull } from "drizzle-orm";
import type {
  AssessmentBoard,
  AssessmentBody,
  AssessmentResultView,
  MyAssessmentView,
} from "../../../common/schemas/attendance.ts";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { recordAudit } from "../../audit.ts";
import { assessments, cohortAssessors, measures, persons } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { forbidden, invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { can } from "../../policy.ts";
import { awardEarnedBadges } from "../badges/index.ts";
import { notify } from "../notices/index.ts";
import { impactGrants } from "./impact.policy.ts";
import { cohortWithPeople } from "./records.service.ts";

type Cohort = Awaited<ReturnType<typeof cohortWithPeople>>;

const proofsOf = (doc: TrajectoryDocument) =>
  doc.activities
    .map((a, index) => ({ activityId: a.id ?? `#${index}`, title: a.title, type: a.type }))
    .filter((a) => a.type === "competence-proof")
    .map(({ activityId, title }) => ({ activityId, title }));

const competencesOf = (doc: TrajectoryDocument) =>
  doc.competences.map((c, index) => ({ id: c.id ?? `#${index}`, name: c.name }));

/**
 * Who may score a cohort's competence proofs: its designers and coordinators, and the people named as
 * assessor for it. Anyone else is refused after the cohort was found, so another organisation's
 * cohort stays "not found".
 */
async function authorizeAssessor(scope: Scope, cohortId: string): Promise<Cohort> {
  const { tenant, actor } = scope;
  const cohort = await cohortWithPeople(tenant, cohortId);
  if (can(impactGrants, actor, "impact.record")) return cohort;
  const named = await tenant.selectRows(
    cohortAssessors,
    eq(cohortAssessors.cohortId, cohortId),
    eq(cohortAssessors.personId, actor.personId),
  );
  if (named.length === 0) throw forbidden("impact.assess");
  return cohort;
}

/** The recorded results of these people on the cohort's competence proofs, with the assessor's name. */
async function resultsOf(
  tenant: Tenant,
  cohort: Cohort,
  personIds: string[],
): Promise<Map<string, AssessmentResultView[]>> {
  const results = new Map<string, AssessmentResultView[]>();
  if (personIds.length === 0) return results;
  const [scores, comments] = await Promise.all([
    tenant.selectRows(
      measures,
      eq(measures.cohortId, cohort.id),
      eq(measures.kind, "competence-proof"),
      inArray(measures.personId, personIds),
    ),
    tenant.selectRows(
      assessments,
      eq(assessments.cohortId, cohort.id),
      inArray(assessments.personId, personIds),
    ),
  ]);
  const assessorIds = [...new Set(scores.map((s) => s.assessedBy).filter((id) => id !== null))];
  const names = new Map(
    assessorIds.length === 0
      ? []
      : (
          await tenant.select(
            persons,
            { id: persons.id, name: persons.name },
            inArray(persons.id, assessorIds),
          )
        ).map((p) => [p.id, p.name]),
  );
  const competenceName = new Map(competencesOf(cohort.document).map((c) => [c.id, c.name]));
  for (const proof of proofsOf(cohort.document)) {
    for (const personId of personIds) {
      const own = scores.filter((s) => s.personId === personId && s.activityId === proof.activityId);
      if (own.length === 0) continue;
      const comment = comments.find((c) => c.personId === personId && c.activityId === proof.activityId);
      const latest = own.reduce((a, b) => (a.takenAt > b.takenAt ? a : b));
      const result: AssessmentResultView = {
        activityId: proof.activityId,
        scores: own.map((s) => ({
          competenceId: s.competenceId,
          competence: competenceName.get(s.competenceId) ?? s.competenceId,
          score: s.correct,
          max: s.total,
        })),
        comment: comment?.comment ?? "",
        assessedAt: latest.takenAt.toISOString(),
        assessedBy: latest.assessedBy ? (names.get(latest.assessedBy) ?? null) : null,
      };
      results.set(personId, [...(results.get(personId) ?? []), result]);
    }
  }
  return results;
}

async function assessorsOf(tenant: Tenant, cohortId: string) {
  return tenant.db
    .select({ personId: persons.id, name: persons.name })
    .from(cohortAssessors)
    .innerJoin(persons, tenant.refersTo(cohortAssessors.personId, persons))
    .where(tenant.where(cohortAssessors, eq(cohortAssessors.cohortId, cohortId)))
    .orderBy(persons.name);
}

/** What the assessor form shows: the cohort's competence proofs, the rubric's competences, the results. */
export async function getAssessmentBoard(
  scope: Scope,
  { cohortId }: { cohortId: string },
): Promise<AssessmentBoard> {
  const cohort = await authorizeAssessor(scope, cohortId);
  const results = await resultsOf(
    scope.tenant,
    cohort,
    cohort.people.map((p) => p.personId),
  );
  return {
    canNameAssessors: can(impactGrants, scope.actor, "impact.record"),
    proofs: proofsOf(cohort.document),
    competences: competencesOf(cohort.document),
    participants: cohort.people.map((p) => ({
      personId: p.personId,
      name: p.name,
      results: results.get(p.personId) ?? [],
    })),
    assessors: await assessorsOf(scope.tenant, cohortId),
  };
}

/**
 * An assessor's scores on a competence proof (a role play against criteria), one per competence of
 * the trajectory, with a comment for the learner. The scores are the learner's measures (tier 6 and
 * the badges read them); scoring again replaces the earlier assessment and is audited as a correction.
 */
export async function recordAssessment(
  scope: Scope,
  { cohortId, personId, activityId, scores, comment = "" }: { cohortId: string } & AssessmentBody,
) {
  const { tenant, actor, now, site } = scope;
  const cohort = await authorizeAssessor(scope, cohortId);
  if (!proofsOf(cohort.document).some((p) => p.activityId === activityId))
    throw invalid("activityId", "not_a_competence_proof");
  if (!cohort.people.some((p) => p.personId === personId)) throw invalid("personId", "not_a_participant");
  if (personId === actor.personId) throw invalid("personId", "own_assessment");
  const competences = new Set(competencesOf(cohort.document).map((c) => c.id));
  if (scores.some((s) => !competences.has(s.competenceId))) throw invalid("scores", "unknown_competence");
  if (scores.some((s) => s.score > s.max)) throw invalid("scores", "score_above_max");
  if (new Set(scores.map((s) => s.competenceId)).size !== scores.length)
    throw invalid("scores", "competence_twice");
  await tenant.transaction(async (tx) => {
    const [earlier] = await tx.selectRows(
      assessments,
      eq(assessments.cohortId, cohortId),
      eq(assessments.personId, personId),
      eq(assessments.activityId, activityId),
    );
    for (const s of scores) {
      const values = { correct: s.score, total: s.max, takenAt: now, assessedBy: actor.personId };
      await tx.db
        .insert(measures)
        .values(
          tx.row({
            personId,
            cohortId,
            trajectoryId: cohort.trajectoryId,
            activityId,
            kind: "competence-proof" as const,
            competenceId: s.competenceId,
            ...values,
          }),
        )
        .onConflictDoUpdate({
          target: [
            measures.organisationId,
            measures.personId,
            measures.cohortId,
            measures.activityId,
            measures.competenceId,
          ],
          set: values,
        });
    }
    const feedback = { comment, assessedBy: actor.personId, assessedAt: now };
    await tx.db
      .insert(assessments)
      .values(tx.row({ cohortId, personId, activityId, ...feedback }))
      .onConflictDoUpdate({
        target: [
          assessments.organisationId,
          assessments.cohortId,
          assessments.personId,
          assessments.activityId,
        ],
        set: feedback,
      });
    const action = earlier ? "impact.assessment-corrected" : "impact.assessment-recorded";
    await recordAudit(tx, actor, action, { type: "person", id: personId }, { cohortId, activityId });
  });
  await awardEarnedBadges(tenant, personId, site, now);
  return { recorded: scores.length };
}

/** Names the cohort's assessors (replacing the list): people of this organisation, not erased. */
export async function nameAssessors(
  scope: Scope,
  { cohortId, personIds }: { cohortId: string; personIds: string[] },
) {
  const { tenant, actor } = scope;
  if (!can(impactGrants, actor, "impact.record")) throw forbidden("impact.record");
  await cohortWithPeople(tenant, cohortId);
  const wanted = [...new Set(personIds)];
  const found =
    wanted.length === 0
      ? []
      : await tenant.select(
          persons,
          { id: persons.id },
          inArray(persons.id, wanted),
          isNull(persons.erasedAt),
        );
  if (found.length !== wanted.length) throw invalid("personIds", "unknown_person");
  await tenant.transaction(async (tx) => {
    const before = await tx.selectRows(cohortAssessors, eq(cohortAssessors.cohortId, cohortId));
    await tx.db
      .delete(cohortAssessors)
      .where(tx.where(cohortAssessors, eq(cohortAssessors.cohortId, cohortId)));
    if (wanted.length > 0)
      await tx.db
        .insert(cohortAssessors)
        .values(
          wanted.map((personId) =>
            tx.row({ cohortId, personId, namedBy: actor.personId, namedAt: scope.now }),
          ),
        );
    await recordAudit(
      tx,
      actor,
      "impact.assessors-named",
      { type: "cohort", id: cohortId },
      { personIds: wanted },
    );
    const earlier = new Set(before.map((a) => a.personId));
    for (const personId of wanted.filter((id) => !earlier.has(id) && id !== actor.personId))
      await notify(tx, {
        personId,
        kind: "assessor-named",
        params: { from: actor.personId },
        href: `/assess/${cohortId}`,
        key: `assessor-named:${cohortId}`,
        now: scope.now,
        site: scope.site,
      });
  });
  return { assessors: await assessorsOf(tenant, cohortId) };
}

/** The learner's own result on a competence proof of her cohort; someone else's cohort is not found. */
export async function getMyAssessment(
  scope: Scope,
  { cohortId, activityId }: { cohortId: string; activityId: string },
): Promise<MyAssessmentView> {
  const { tenant, actor } = scope;
  const cohort = await cohortWithPeople(tenant, cohortId);
  if (!cohort.people.some((p) => p.personId === actor.personId)) throw notFound("cohort");
  if (!proofsOf(cohort.document).some((p) => p.activityId === activityId)) throw notFound("activity");
  const results = await resultsOf(tenant, cohort, [actor.personId]);
  // Only an assessor's scores: a proof the learner took as a test is shown as her test result.
  const result = results.get(actor.personId)?.find((r) => r.activityId === activityId);
  return { result: result && (result.assessedBy !== null || result.comment !== "") ? result : null };
}
