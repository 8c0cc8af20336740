import { eq } from "drizzle-orm";
import type { AttendanceView } from "../../../common/schemas/impact.ts";
import { attendance, cohorts, measures, trajectories } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { awardEarnedBadges } from "../badges/index.ts";
import { participantsOf } from "../cohorts/index.ts";
import { authorize } from "./impact.policy.ts";
import { recordAudit } from "../../audit.ts";

async function cohortWithPeople(tenant: Tenant, cohortId: string) {
  const [cohort] = await tenant.db
    .select({ cohort: cohorts, document: trajectories.document })
    .from(cohorts)
    .innerJoin(trajectories, tenant.refersTo(cohorts.trajectoryId, trajectories))
    .where(tenant.where(cohorts, eq(cohorts.id, cohortId)));
  if (!cohort) throw notFound("cohort");
  const people = await participantsOf(tenant, [cohortId]);
  return { ...cohort.cohort, document: cohort.document, people };
}

/** Who was present on each practice day of a cohort (null: not recorded yet). */
export async function getAttendance(
  scope: Scope,
  { cohortId }: { cohortId: string },
): Promise<AttendanceView> {
  const { tenant, actor } = scope;
  authorize(actor, "impact.record");
  const cohort = await cohortWithPeople(tenant, cohortId);
  const rows = await tenant.selectRows(attendance, eq(attendance.cohortId, cohortId));
  return {
    sessionDates: cohort.sessionDates,
    participants: cohort.people.map((p) => ({
      personId: p.personId,
      name: p.name,
      present: Object.fromEntries(
        cohort.sessionDates.map((date) => [
          date,
          rows.find((r) => r.personId === p.personId && r.sessionDate === date)?.present ?? null,
        ]),
      ),
    })),
  };
}

/** Records one practice day's register: the listed participants present, everyone else absent. */
export async function recordAttendance(
  scope: Scope,
  { cohortId, ...body }: { cohortId: string; sessionDate: string; present: string[] },
): Promise<AttendanceView> {
  const { tenant, actor, now } = scope;
  authorize(actor, "impact.record");
  const cohort = await cohortWithPeople(tenant, cohortId);
  if (!cohort.sessionDates.includes(body.sessionDate)) throw invalid("sessionDate", "not_a_practice_day");
  if (body.sessionDate > now.toISOString().slice(0, 10)) throw invalid("sessionDate", "date_in_future");
  const members = new Set(cohort.people.map((p) => p.personId));
  if (body.present.some((id) => !members.has(id))) throw invalid("present", "not_in_cohort");
  const present = new Set(body.present);
  await tenant.transaction(async (tx) => {
    for (const person of cohort.people) {
      const values = { present: present.has(person.personId), recordedBy: actor.personId, recordedAt: now };
      await tx.db
        .insert(attendance)
        .values(tx.row({ cohortId, personId: person.personId, sessionDate: body.sessionDate, ...values }))
        .onConflictDoUpdate({
          target: [
            attendance.organisationId,
            attendance.cohortId,
            attendance.personId,
            attendance.sessionDate,
          ],
          set: values,
        });
    }
    await recordAudit(tx, actor, "impact.attendance-recorded", { type: "cohort", id: cohortId });
  });
  return getAttendance(scope, { cohortId });
}

/**
 * An assessor's scores on a competence proof that is not a test (a recorded role play against
 * criteria): stored as the learner's measure, replacing an earlier assessment.
 */
export async function recordAssessment(
  scope: Scope,
  {
    cohortId,
    ...body
  }: {
    cohortId: string;
    personId: string;
    activityId: string;
    scores: { competenceId: string; score: number; max: number }[];
  },
) {
  const { tenant, actor, now, site } = scope;
  authorize(actor, "impact.record");
  const cohort = await cohortWithPeople(tenant, cohortId);
  const activity = cohort.document.activities.find((a) => a.id === body.activityId);
  if (activity?.type !== "competence-proof") throw invalid("activityId", "not_a_competence_proof");
  if (!cohort.people.some((p) => p.personId === body.personId)) throw invalid("personId", "not_in_cohort");
  const competences = new Set(cohort.document.competences.map((c) => c.id));
  if (body.scores.some((s) => !competences.has(s.competenceId)))
    throw invalid("scores", "unknown_competence");
  if (body.scores.some((s) => s.score > s.max)) throw invalid("scores", "score_above_max");
  await tenant.transaction(async (tx) => {
    for (const s of body.scores) {
      const values = { correct: s.score, total: s.max, takenAt: now, assessedBy: actor.personId };
      await tx.db
        .insert(measures)
        .values(
          tx.row({
            personId: body.personId,
            cohortId,
            trajectoryId: cohort.trajectoryId,
            activityId: body.activityId,
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
    await recordAudit(tx, actor, "impact.assessment-recorded", { type: "person", id: body.personId });
  });
  await awardEarnedBadges(tenant, body.personId, site, now);
  return { recorded: body.scores.length };
}
