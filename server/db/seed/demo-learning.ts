import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { newCard, ratingFor, review, storeCard } from "../../modules/practice/scheduler.ts";
import {
  achievements,
  actionPlans,
  activityProgress,
  answers,
  applicationConfirmations,
  measures,
  planApplications,
  practiceCards,
  questions,
} from "../schema/index.ts";
import type { Tenant } from "../tenant.ts";
import { type DemoQuestion, demoQuestions } from "./demo-questions.ts";
import { addDays } from "../../../common/dates.ts";

const withIds = (options: DemoQuestion["options"] = []) =>
  options.map((option, index) => ({ ...option, id: `o${index + 1}` }));

export interface DemoLearningInput {
  trajectoryId: string;
  document: TrajectoryDocument;
  cohortId: string;
  practiceDay: string;
  participantIds: string[];
  /** learner@demo.beklijf.nl: behind on practice, so cards are due now when a newcomer signs in. */
  demoLearnerId: string;
  /** Marco, who manages the service team: he confirmed one of Femke's applications. */
  serviceManagerId: string;
  now: Date;
}

const at = (isoDate: string, hour = 9) => new Date(`${isoDate}T${String(hour).padStart(2, "0")}:00:00Z`);

/**
 * A cohort in its "after" weeks: before-work done, insight test taken, practice cards with some history.
 * The demo learner practised once and then skipped a week, so several cards are due today.
 */
export async function seedDemoLearning(tenant: Tenant, input: DemoLearningInput): Promise<void> {
  const competenceIds = input.document.competences.map((c) => c.id!);
  const stored = await tenant.db
    .insert(questions)
    .values(
      tenant.rows(
        demoQuestions.map(({ competence, options, ...question }, index) => ({
          ...question,
          trajectoryId: input.trajectoryId,
          competenceId: competenceIds[competence]!,
          options: withIds(options),
          situation: question.situation ?? null,
          modelAnswer: question.modelAnswer ?? null,
          createdAt: new Date(input.now.getTime() - 30 * 86_400_000 + index),
        })),
      ),
    )
    .returning();
  // Everything before the practice day, and the first assignment after it: the check-in and the peer
  // feedback request stay open, so the demo shows earlier work calmly waiting. The demo learner also
  // left her kick-off reflection and first assignment for later (two tasks she marks done herself; the
  // check-in and the feedback request close through their tools, not with a tick) and has not decided
  // on the optional video yet, whatever her place in the participant list.
  const before = input.document.activities.filter(
    (a) =>
      ((a.phase === "before" || a.phase === "kickoff") && a.type !== "insight-test") ||
      a.type === "on-the-job-assignment",
  );
  const leftForLater = new Set(["reflection", "on-the-job-assignment", "video"]);
  const insight = input.document.activities.find((a) => a.type === "insight-test")!;
  for (const [index, personId] of input.participantIds.entries()) {
    const isDemoLearner = personId === input.demoLearnerId;
    await tenant.db.insert(activityProgress).values(
      tenant.rows(
        before
          .filter((a) => a.mandatory || index % 2 === 0)
          .filter((a) => !(isDemoLearner && leftForLater.has(a.type)))
          .map((a) => ({
            personId,
            cohortId: input.cohortId,
            activityId: a.id!,
            status: "done" as const,
            updatedAt: at(addDays(input.practiceDay, a.offsetDays)),
          })),
      ),
    );
    await seedInsightTest(tenant, input, stored, personId, insight.id!, index);
    await seedCards(tenant, input, stored, personId, isDemoLearner ? [2] : [2, 9], index);
  }
  await seedDemoTransfer(tenant, input);
}

/**
 * A badge for calming an upset customer (two applications a manager saw), and Femke halfway there: one
 * plan, one application Marco confirmed. The next confirmed application earns her the badge.
 */
async function seedDemoTransfer(tenant: Tenant, input: DemoLearningInput) {
  const competenceId = input.document.competences[0]!.id!;
  await tenant.db.insert(achievements).values(
    tenant.row({
      trajectoryId: input.trajectoryId,
      competenceId,
      name: "Rustig bij een boze klant",
      description:
        "Erkent de frustratie van een boze klant voordat hij uitlegt, en sluit af met een concrete vervolgstap.",
      criteria:
        "Twee keer een als-dan-plan toegepast bij een boze klant, gezien en bevestigd door de leidinggevende.",
      requiresProof: false,
      minConfirmedApplications: 2,
      createdAt: at(addDays(input.practiceDay, -20)),
    }),
  );
  const planned = at(addDays(input.practiceDay, 0), 15);
  const [plan] = await tenant.db
    .insert(actionPlans)
    .values(
      tenant.row({
        personId: input.demoLearnerId,
        cohortId: input.cohortId,
        competenceId,
        situation: "een klant voor de tweede keer belt over een reparatie die uitloopt",
        action: "zeg ik eerst dat ik snap dat het vervelend is, en vraag ik wat nu het belangrijkst is",
        firstMoment: at(addDays(input.practiceDay, 2), 8),
        createdAt: planned,
      }),
    )
    .returning({ id: actionPlans.id });
  const occurredAt = at(addDays(input.practiceDay, 3), 10);
  const [application] = await tenant.db
    .insert(planApplications)
    .values(
      tenant.row({
        planId: plan!.id,
        personId: input.demoLearnerId,
        occurredAt,
        whatHappened:
          "Mevrouw Jansen belde boos over de ketel. Eerst erkend, daarna rustig de planning uitgelegd.",
        outcome: "went-well" as const,
        createdAt: occurredAt,
      }),
    )
    .returning({ id: planApplications.id });
  await tenant.db.insert(applicationConfirmations).values(
    tenant.row({
      applicationId: application!.id,
      confirmedBy: input.serviceManagerId,
      confirmedAt: at(addDays(input.practiceDay, 4)),
    }),
  );
}

type StoredQuestion = typeof questions.$inferSelect;

async function seedInsightTest(
  tenant: Tenant,
  input: DemoLearningInput,
  stored: StoredQuestion[],
  personId: string,
  activityId: string,
  index: number,
) {
  const takenAt = at(addDays(input.practiceDay, -10), 10);
  const test = stored.filter((q) => q.uses.includes("insight-test"));
  // A spread of starting points: about half miss the de-escalation question.
  const graded = test.map((q, position) => {
    const correct = (index + position) % 2 === 0;
    const option = q.options.find((o) => o.correct === correct)!;
    return { q, option };
  });
  await tenant.db.insert(answers).values(
    tenant.rows(
      graded.map(({ q, option }) => ({
        personId,
        cohortId: input.cohortId,
        questionId: q.id,
        competenceId: q.competenceId,
        context: "insight-test" as const,
        clientId: `insight-test:${input.cohortId}:${activityId}:${q.id}`,
        optionId: option.id,
        correct: option.correct,
        answeredAt: takenAt,
        receivedAt: takenAt,
      })),
    ),
  );
  await tenant.db.insert(activityProgress).values(
    tenant.row({
      personId,
      cohortId: input.cohortId,
      activityId,
      status: "done" as const,
      updatedAt: takenAt,
    }),
  );
  const competences = [...new Set(graded.map((g) => g.q.competenceId))];
  await tenant.db.insert(measures).values(
    tenant.rows(
      competences.map((competenceId) => {
        const mine = graded.filter((g) => g.q.competenceId === competenceId);
        return {
          personId,
          cohortId: input.cohortId,
          trajectoryId: input.trajectoryId,
          activityId,
          kind: "insight-test" as const,
          competenceId,
          correct: mine.filter((g) => g.option.correct).length,
          total: mine.length,
          takenAt,
        };
      }),
    ),
  );
}

/** Cards replayed through FSRS on the days the learner practised, so due dates are real FSRS dates. */
async function seedCards(
  tenant: Tenant,
  input: DemoLearningInput,
  stored: StoredQuestion[],
  personId: string,
  practiceDays: number[],
  index: number,
) {
  const practice = stored.filter((q) => q.uses.includes("practice"));
  for (const [position, q] of practice.entries()) {
    const created = at(addDays(input.practiceDay, 1));
    let card = newCard(created);
    for (const day of practiceDays) {
      if (position >= 6) break; // the last questions were added later and are still new
      const answeredAt = at(addDays(input.practiceDay, day), 7);
      const correct = (index + position + day) % 4 !== 0;
      card = review(
        card,
        ratingFor(q.kind === "open" ? { selfRating: correct ? "good" : "again" } : { correct }),
        answeredAt,
        input.document.desiredRetention,
        false,
      ).card;
      const option = q.options.find((o) => o.correct === correct);
      await tenant.db.insert(answers).values(
        tenant.row({
          personId,
          cohortId: input.cohortId,
          questionId: q.id,
          competenceId: q.competenceId,
          context: "practice" as const,
          clientId: `demo:${q.id}:${day}`,
          optionId: option?.id ?? null,
          selfRating: q.kind === "open" ? (correct ? "good" : "again") : null,
          correct,
          rating: ratingFor({ correct }),
          answeredAt,
          receivedAt: answeredAt,
          nextDue: card.due,
        }),
      );
    }
    await tenant.db.insert(practiceCards).values(
      tenant.row({
        personId,
        cohortId: input.cohortId,
        questionId: q.id,
        due: card.due,
        fsrs: storeCard(card),
        createdAt: created,
      }),
    );
  }
}
