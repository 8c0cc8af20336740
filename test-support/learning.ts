import type { TrajectoryDetail, TrajectoryDocument } from "../common/schemas/trajectories.ts";
import type { QuestionInput } from "../common/schemas/questions.ts";
import { difficultCustomerConversations } from "../server/modules/trajectories/templates/difficult-customer-conversations.ts";
import { renderTemplate } from "../server/modules/trajectories/templates/template.ts";
import { caller, type SharedTestApp } from "./app.ts";
import { buildCoordinator, buildLearner, buildOrganisation, type BuildPerson } from "./factories.ts";
import { signedIn } from "./sign-in.ts";
import { addDays } from "../common/dates.ts";
import { defaultCalendar } from "../common/working-week.ts";
import { toWorkingDay } from "../server/modules/cohorts/working-days.ts";

/** The customer-conversations template with Markdown content and extra material filled in. */
export function trajectoryWithContent(): TrajectoryDocument {
  const document = renderTemplate(difficultCustomerConversations, "en");
  return {
    ...document,
    competences: document.competences.map((c) => ({
      ...c,
      extraMaterial: `## Calm first: ${c.name}\n\nName the feeling before the facts.`,
    })),
    activities: document.activities.map((a) =>
      a.type === "theory-module"
        ? {
            ...a,
            content: "# Why conversations escalate\n\n![Curve](https://example.test/curve.png)\n\nRead this.",
          }
        : a,
    ),
  };
}

export const scenario = (competenceId: string, n = 1): QuestionInput => ({
  competenceId,
  kind: "scenario",
  level: "decision",
  uses: ["practice"],
  situation: `A customer calls for the ${n}th time about a late repair and starts shouting.`,
  prompt: "What do you do first?",
  options: [
    { text: "Explain the planning", correct: false, feedback: "Facts before feelings escalate it." },
    { text: "Acknowledge the frustration", correct: true, feedback: "Naming the feeling calms first." },
  ],
});

export const testQuestion = (
  competenceId: string,
  use: "insight-test" | "competence-proof",
): QuestionInput => ({
  competenceId,
  kind: "multiple-choice",
  level: "application",
  uses: [use],
  prompt: "Which closing agrees a clear next step?",
  options: [
    { text: "We will look into it", correct: false, feedback: "No date, no owner: nothing is agreed." },
    { text: "I call you Thursday before noon", correct: true, feedback: "A date and an owner." },
  ],
});

/**
 * A designer's trajectory with questions and a cohort whose practice day has passed: the clock is moved
 * to `daysAfter` days after the practice day, as a learner would find it.
 */
export async function cohortAfterPracticeDay(
  t: SharedTestApp,
  options: {
    designer: string;
    learnerIds: string[];
    questions: (competenceIds: string[]) => QuestionInput[];
    daysAfter?: number;
  },
) {
  const call = caller(t);
  const created = await call("POST", "/api/trajectories", options.designer, trajectoryWithContent());
  if (created.statusCode !== 201) throw new Error(`trajectory: ${created.body}`);
  const trajectory = created.json<TrajectoryDetail>();
  const competenceIds = trajectory.document.competences.map((c) => c.id!);
  const questionIds: string[] = [];
  for (const question of options.questions(competenceIds)) {
    const response = await call(
      "POST",
      `/api/trajectories/${trajectory.id}/questions`,
      options.designer,
      question,
    );
    if (response.statusCode !== 201) throw new Error(`question: ${response.body}`);
    questionIds.push(response.json<{ id: string }>().id);
  }
  // A working day in the default calendar (weekends and Dutch public holidays are refused).
  const practiceDay = toWorkingDay(
    addDays(t.clock.now.toISOString().slice(0, 10), 14),
    "later",
    defaultCalendar,
  );
  const cohort = await call("POST", "/api/cohorts", options.designer, {
    trajectoryId: trajectory.id,
    name: "Service team",
    sessionDates: [practiceDay],
    personIds: options.learnerIds,
  });
  if (cohort.statusCode !== 201) throw new Error(`cohort: ${cohort.body}`);
  t.clock.now = new Date(`${addDays(practiceDay, options.daysAfter ?? 3)}T09:00:00Z`);
  return { trajectory, competenceIds, questionIds, cohortId: cohort.json<{ id: string }>().id, practiceDay };
}

/**
 * An organisation of its own with a coordinator who designed the trajectory, the `learners` (one plain
 * learner unless given) and their cohort after its practice day, as `cohortAfterPracticeDay` builds it.
 * Everyone is signed in after the clock moved, so their sessions are fresh.
 */
export async function organisationWithCohort(
  t: SharedTestApp,
  options: {
    organisation?: Parameters<typeof buildOrganisation>[1];
    learners?: Partial<BuildPerson>[];
    questions?: (competenceIds: string[]) => QuestionInput[];
    daysAfter?: number;
    /** Moves the clock on once more (to the next Monday morning, say) before anyone signs in. */
    moveClock?: (now: Date) => Date;
  } = {},
) {
  const db = t.database.db;
  const organisation = await buildOrganisation(db, options.organisation);
  const designer = await buildCoordinator(db, organisation.id);
  const learners = [];
  for (const learner of options.learners ?? [{}])
    learners.push(await buildLearner(db, organisation.id, learner));
  const cohort = await cohortAfterPracticeDay(t, {
    designer: await t.signIn(designer.email),
    learnerIds: learners.map((learner) => learner.id),
    questions: options.questions ?? (() => []),
    daysAfter: options.daysAfter,
  });
  if (options.moveClock) t.clock.now = options.moveClock(t.clock.now);
  const signedInLearners = [];
  for (const learner of learners) signedInLearners.push(await signedIn(t, learner));
  return { ...cohort, organisation, designer: await signedIn(t, designer), learners: signedInLearners };
}

export type CohortFixture = Awaited<ReturnType<typeof organisationWithCohort>>;
