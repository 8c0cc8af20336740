import { eq, gt, gte, ne, sql } from "drizzle-orm";
import { answers, practiceCards, questions, remediations } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";

/** Two misses of one competence within this window count as "repeatedly". */
export const REMEDIATION_WINDOW_DAYS = 14;
export const REMEDIATION_MISSES = 2;

/**
 * After repeated misses on one competence, the learner gets that competence's extra material and
 * more practice on it: its other cards come due now (early review is safe in FSRS; it only slows
 * the growth of the interval a little). Opens once per competence and cohort.
 */
export async function openRemediationIfStruggling(
  tenant: Tenant,
  input: {
    personId: string;
    cohortId: string;
    competenceId: string;
    /** The card just missed: it keeps the interval FSRS gave it. */
    exceptCardId: string;
    at: Date;
    now: Date;
  },
): Promise<boolean> {
  const since = new Date(input.at.getTime() - REMEDIATION_WINDOW_DAYS * 86_400_000);
  const [misses] = await tenant.select(
    answers,
    { n: sql<number>`count(*)`.mapWith(Number) },
    eq(answers.personId, input.personId),
    eq(answers.cohortId, input.cohortId),
    eq(answers.competenceId, input.competenceId),
    eq(answers.correct, false),
    gte(answers.answeredAt, since),
  );
  if ((misses?.n ?? 0) < REMEDIATION_MISSES) return false;
  const opened = await tenant.db
    .insert(remediations)
    .values(
      tenant.row({
        personId: input.personId,
        cohortId: input.cohortId,
        competenceId: input.competenceId,
        startedAt: input.now,
      }),
    )
    .onConflictDoNothing()
    .returning({ competenceId: remediations.competenceId });
  if (opened.length === 0) return false;
  const sameCompetence = tenant.select(
    questions,
    { id: questions.id },
    eq(questions.competenceId, input.competenceId),
  );
  await tenant.db
    .update(practiceCards)
    .set({ due: input.now })
    .where(
      tenant.where(
        practiceCards,
        eq(practiceCards.personId, input.personId),
        eq(practiceCards.cohortId, input.cohortId),
        gt(practiceCards.due, input.now),
        ne(practiceCards.id, input.exceptCardId),
        sql`${practiceCards.questionId} in ${sameCompetence}`,
      ),
    );
  return true;
}
