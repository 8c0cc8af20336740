import { desc, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import { interviewPrompts } from "../../../common/impact-vocabulary.ts";
import type {
  interviewBody,
  InterviewNotes,
  SuccessCasesView,
  UpdateInterviewBody,
} from "../../../common/schemas/impact.ts";
import { learnerPreferences, successCaseInterviews } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import type { Participant } from "./impact-data.ts";
import { gatherImpact } from "./impact.service.ts";
import { pickCases } from "./success-cases.ts";
import { recordAudit } from "../../audit.ts";

async function consentsOf(tenant: Tenant, personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await tenant.select(
    learnerPreferences,
    { personId: learnerPreferences.personId },
    inArray(learnerPreferences.personId, personIds),
    eq(learnerPreferences.interviewConsent, true),
  );
  return new Set(rows.map((r) => r.personId));
}

async function interviewsOf(tenant: Tenant, trajectoryId: string) {
  return tenant
    .selectRows(successCaseInterviews, eq(successCaseInterviews.trajectoryId, trajectoryId))
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
            updatedAt: interview.updatedAt?.toISOString() ?? null,
            finalAt: interview.finalAt?.toISOString() ?? null,
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

/** An interview with no answer at all says nothing; the first question is where to start. */
function refuseEmpty(notes: InterviewNotes): void {
  if (interviewPrompts.every((prompt) => notes[prompt].trim() === ""))
    throw invalid(interviewPrompts[0], "interview_empty");
}

const presentSaved = (row: typeof successCaseInterviews.$inferSelect) => ({
  id: row.id,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt?.toISOString() ?? null,
  finalAt: row.finalAt?.toISOString() ?? null,
});

/** The interview of this trajectory, refused once final: from then on it is a record. */
async function openInterview(scope: Scope, trajectoryId: string, interviewId: string) {
  const { tenant } = scope;
  await gatherImpact(scope, { trajectoryId, permission: "impact.people" });
  const [row] = await tenant.selectRows(
    successCaseInterviews,
    eq(successCaseInterviews.id, interviewId),
    eq(successCaseInterviews.trajectoryId, trajectoryId),
  );
  if (!row) throw notFound("interview");
  if (row.finalAt) throw new AppError("INTERVIEW_FINAL");
  return row;
}

/** Corrects an interview's notes until it is marked final. */
export async function updateInterview(
  scope: Scope,
  {
    trajectoryId,
    interviewId,
    ...patch
  }: UpdateInterviewBody & { trajectoryId: string; interviewId: string },
) {
  const row = await openInterview(scope, trajectoryId, interviewId);
  const notes = patch.notes ?? row.notes;
  refuseEmpty(notes);
  return changeOpenInterview(scope, row, "impact.interview-updated", {
    notes,
    evidenceChecked: patch.evidenceChecked ?? row.evidenceChecked,
    updatedAt: scope.now,
  });
}

/** Marks an interview final: its notes no longer change (the evaluation can cite them as they are). */
export async function finaliseInterview(
  scope: Scope,
  { trajectoryId, interviewId }: { trajectoryId: string; interviewId: string },
) {
  const row = await openInterview(scope, trajectoryId, interviewId);
  return changeOpenInterview(scope, row, "impact.interview-final", { finalAt: scope.now });
}

/**
 * Writes to an interview that is still open, audited as `action`. The final check is made again
 * inside the write: a "mark final" at the same moment wins.
 */
async function changeOpenInterview(
  { tenant, actor }: Scope,
  row: typeof successCaseInterviews.$inferSelect,
  action: string,
  changes: Partial<typeof successCaseInterviews.$inferInsert>,
) {
  const updated = await tenant.transaction(async (tx) => {
    const [saved] = await tx.db
      .update(successCaseInterviews)
      .set(changes)
      .where(
        tx.where(
          successCaseInterviews,
          eq(successCaseInterviews.id, row.id),
          isNull(successCaseInterviews.finalAt),
        ),
      )
      .returning();
    if (!saved) throw new AppError("INTERVIEW_FINAL");
    await recordAudit(tx, actor, action, { type: "person", id: row.personId }, { interviewId: row.id });
    return saved;
  });
  return presentSaved(updated);
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
  refuseEmpty(body.notes);
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
  return presentSaved(row!);
}
