import { eq } from "drizzle-orm";
import type { PracticeAnswerBody, PracticeAnswerResult } from "../../../common/schemas/learning.ts";
import { answers, practiceCards, questions } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { enrolmentsOf } from "../cohorts/index.ts";
import { isoDuration, recordStatement } from "../xapi/index.ts";
import { openRemediationIfStruggling } from "./remediation.ts";
import { loadCard, ratingFor, review, storeCard } from "./scheduler.ts";

type Question = typeof questions.$inferSelect;

/** Grades an answer. Choice questions grade themselves; open questions take the learner's self-rating. */
function grade(question: Question, answer: PracticeAnswerBody["answer"]) {
  const optionId = typeof answer === "string" ? answer : "optionId" in answer ? answer.optionId : null;
  const correctOptionIds = question.options.filter((o) => o.correct).map((o) => o.id);
  if (question.kind === "open") {
    if (typeof answer === "string" || !("selfRating" in answer))
      throw invalid("answer", "answer_kind_mismatch");
    return {
      correct: answer.selfRating !== "again",
      rating: ratingFor({ selfRating: answer.selfRating }),
      feedback: question.modelAnswer ?? "",
      optionId: null,
      text: answer.text,
      selfRating: answer.selfRating,
      correctOptionIds,
    };
  }
  if (optionId === null) throw invalid("answer", "answer_kind_mismatch");
  const option = question.options.find((o) => o.id === optionId);
  if (!option) throw invalid("answer", "unknown_option");
  return {
    correct: option.correct,
    rating: ratingFor({ correct: option.correct }),
    feedback: option.feedback,
    optionId,
    text: null,
    selfRating: null,
    correctOptionIds,
  };
}

async function replay(
  tenant: Tenant,
  personId: string,
  clientId: string,
): Promise<PracticeAnswerResult | null> {
  const [previous] = await tenant.db
    .select({ answer: answers, question: questions })
    .from(answers)
    .innerJoin(questions, tenant.refersTo(answers.questionId, questions))
    .where(tenant.where(answers, eq(answers.personId, personId), eq(answers.clientId, clientId)));
  if (!previous) return null;
  const { answer, question } = previous;
  const option = question.options.find((o) => o.id === answer.optionId);
  return {
    correct: answer.correct,
    feedback: question.kind === "open" ? (question.modelAnswer ?? "") : (option?.feedback ?? ""),
    correctOptionIds: question.options.filter((o) => o.correct).map((o) => o.id),
    nextDue: (answer.nextDue ?? answer.answeredAt).toISOString(),
    extraMaterialOpened: false,
  };
}

/**
 * Records a practice answer and reschedules the card from the moment the learner answered, so an
 * answer given offline and sent days later is scheduled as if it arrived at once. The same clientId
 * twice (a double tap, a retry) counts once and gets the first result back.
 */
export async function answerCard(
  { tenant, actor, now, site }: Scope,
  body: PracticeAnswerBody,
): Promise<PracticeAnswerResult> {
  const earlier = await replay(tenant, actor.personId, body.clientId);
  if (earlier) return earlier;
  const answeredAt = new Date(body.answeredAt);
  if (answeredAt.getTime() > now.getTime() + 5 * 60_000) throw invalid("answeredAt", "answered_in_future");
  const [row] = await tenant.db
    .select({ card: practiceCards, question: questions })
    .from(practiceCards)
    .innerJoin(questions, tenant.refersTo(practiceCards.questionId, questions))
    .where(
      tenant.where(
        practiceCards,
        eq(practiceCards.id, body.cardId),
        eq(practiceCards.personId, actor.personId),
      ),
    );
  if (!row) throw notFound("card");
  const graded = grade(row.question, body.answer);
  const [enrolment] = await enrolmentsOf(tenant, actor.personId, row.card.cohortId);
  const retention = enrolment?.document.desiredRetention ?? 0.9;
  const card = loadCard(row.card.fsrs);
  // An answer older than the card's last review (two devices, one offline) cannot go back in time.
  const at = card.last_review && card.last_review > answeredAt ? card.last_review : answeredAt;
  const next = review(card, graded.rating, at, retention).card;
  return tenant.transaction(async (tx) => {
    const inserted = await tx.db
      .insert(answers)
      .values(
        tx.row({
          personId: actor.personId,
          cohortId: row.card.cohortId,
          questionId: row.question.id,
          competenceId: row.question.competenceId,
          cardId: row.card.id,
          context: "practice" as const,
          clientId: body.clientId,
          optionId: graded.optionId,
          text: graded.text,
          selfRating: graded.selfRating,
          correct: graded.correct,
          rating: graded.rating,
          answeredAt,
          receivedAt: now,
          nextDue: next.due,
        }),
      )
      .onConflictDoNothing()
      .returning({ id: answers.id });
    if (inserted.length === 0) return (await replay(tx, actor.personId, body.clientId))!;
    await tx.db
      .update(practiceCards)
      .set({ fsrs: storeCard(next), due: next.due })
      .where(tx.where(practiceCards, eq(practiceCards.id, row.card.id)));
    await recordStatement(tx, site, {
      personId: actor.personId,
      verb: "answered",
      object: { path: `questions/${row.question.id}`, name: row.question.prompt, type: "cmi.interaction" },
      result: {
        success: graded.correct,
        response: graded.optionId ?? graded.selfRating ?? "",
        ...(body.responseMs === undefined ? {} : { duration: isoDuration(body.responseMs) }),
      },
      registration: row.card.cohortId,
      timestamp: answeredAt,
      stored: now,
    });
    const extraMaterialOpened = graded.correct
      ? false
      : await openRemediationIfStruggling(tx, {
          personId: actor.personId,
          cohortId: row.card.cohortId,
          competenceId: row.question.competenceId,
          exceptCardId: row.card.id,
          at: answeredAt,
          now,
        });
    return {
      correct: graded.correct,
      feedback: graded.feedback,
      correctOptionIds: graded.correctOptionIds,
      nextDue: next.due.toISOString(),
      extraMaterialOpened,
    };
  });
}
