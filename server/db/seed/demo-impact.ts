import { eq, inArray } from "drizzle-orm";
import type { SurveyAnswers } from "../../../common/schemas/impact.ts";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { computeSchedule } from "../../modules/cohorts/schedule.ts";
import {
  actionPlans,
  activityProgress,
  answers,
  applicationConfirmations,
  attendance,
  impactKpis,
  learnerPreferences,
  measures,
  planApplications,
  questions,
  successCaseInterviews,
  surveyResponses,
  teamMemberships,
} from "../schema/index.ts";
import type { Tenant } from "../tenant.ts";
import { addDays } from "../../../common/dates.ts";
import { defaultCalendar } from "../../../common/working-week.ts";

export interface DemoImpactInput {
  trajectoryId: string;
  document: TrajectoryDocument;
  cohortId: string;
  practiceDay: string;
  participantIds: string[];
  coordinatorId: string;
  now: Date;
}

const at = (isoDate: string, hour = 9) => new Date(`${isoDate}T${String(hour).padStart(2, "0")}:00:00Z`);

/**
 * One learner's story in the finished cohort, by position: most attended and did the work, fewer
 * showed the competence weeks later, and fewer still applied it at work with a manager who saw it.
 */
function profile(i: number) {
  return {
    attended: i !== 13,
    allTasks: i < 12,
    preCorrect: [1, 2, 1, 2, 0, 1, 2, 1, 1, 2, 0, 1, 1, 2][i]!,
    /** Assessor's rubric score out of 10 per competence on the recorded role play; none for the absentee. */
    proof: i === 13 ? null : ([9, 8, 8, 9, 7, 8, 7, 6, 8, 7, 6, 5, 4][i] ?? 5),
    surveyAfterDay: i !== 13,
    surveyAfterWeeks: i < 12,
    practises: i < 12,
    applications: i < 6 ? 3 : i < 9 ? 2 : i < 11 ? 1 : 0,
    confirmed: i < 5 ? 2 : i < 9 ? 1 : 0,
    consent: [0, 1, 2, 3, 6, 9, 10, 12].includes(i),
  };
}

const plansByIndex = [
  {
    situation: "een klant belt boos omdat de monteur niet op de afgesproken tijd kwam",
    action: "zeg ik eerst dat ik begrijp dat het vervelend is en spreek ik een nieuwe tijd met datum af",
  },
  {
    situation: "een klant in de winkel klaagt over een factuur die hoger is dan de offerte",
    action: "laat ik de klant eerst uitpraten, vat ik samen wat ik hoor en beloof ik een terugbelmoment",
  },
  {
    situation: "ik een klant moet bellen dat een onderdeel later geleverd wordt",
    action: "noem ik meteen de nieuwe leverdatum en vraag ik wat de klant tot dan nodig heeft",
  },
];

function surveyAnswers(i: number, moment: "after-practice-day" | "after-weeks"): SurveyAnswers {
  const good = i < 9;
  if (moment === "after-practice-day") {
    return {
      ability: good ? 2 + (i % 2) : 1,
      realism: i % 5 === 4 ? 1 : 3,
      firstUse: good ? 3 : 2,
      support: i < 6 ? 2 : 1,
    };
  }
  return {
    applied: i < 6 ? 3 : i < 9 ? 2 : i === 10 ? 0 : 1,
    result: i < 9 ? 3 : i === 9 ? 2 : 0,
    followUp: i < 5 ? 3 : i < 9 ? 2 : 0,
    ability: i < 9 ? 3 : 1,
  };
}

/** Who manages each participant: the manager of the team they are a member of. */
async function managersOf(tenant: Tenant, personIds: string[]) {
  const memberships = await tenant.select(
    teamMemberships,
    { personId: teamMemberships.personId, teamId: teamMemberships.teamId },
    inArray(teamMemberships.personId, personIds),
    eq(teamMemberships.isManager, false),
  );
  const managers = await tenant.select(
    teamMemberships,
    { personId: teamMemberships.personId, teamId: teamMemberships.teamId },
    eq(teamMemberships.isManager, true),
  );
  return new Map(memberships.map((m) => [m.personId, managers.find((x) => x.teamId === m.teamId)!.personId]));
}

/**
 * A finished cohort with evidence on every LTEM tier: attendance, tasks, two surveys, the insight
 * test before and an assessed role play after, practice weeks later, plans, applications and manager
 * confirmations, two organisation figures and one documented success case.
 */
export async function seedDemoImpact(tenant: Tenant, input: DemoImpactInput): Promise<void> {
  const ofType = (type: string) => input.document.activities.filter((a) => a.type === type);
  const [insight] = ofType("insight-test");
  const [proof] = ofType("competence-proof");
  const surveys = ofType("learner-survey");
  const competences = input.document.competences.map((c) => c.id!);
  // The demo organisation keeps the default calendar (the Netherlands, Monday to Friday).
  const schedule = computeSchedule(input.document, [input.practiceDay], defaultCalendar);
  const tasks = schedule.filter(
    (a) =>
      a.mandatory &&
      a.phase !== "session" &&
      ![
        "practice-session",
        "retrieval-practice",
        "insight-test",
        "competence-proof",
        "learner-survey",
      ].includes(a.type),
  );
  const bank = await tenant.selectRows(questions, eq(questions.trajectoryId, input.trajectoryId));
  const practice = bank.filter((q) => q.uses.includes("practice") && q.kind !== "open");
  const managers = await managersOf(tenant, input.participantIds);

  for (const [i, personId] of input.participantIds.entries()) {
    const p = profile(i);
    const done = (activityId: string, date: string) =>
      tenant.row({
        personId,
        cohortId: input.cohortId,
        activityId,
        status: "done" as const,
        updatedAt: at(date),
      });
    const progress = (p.allTasks ? tasks : tasks.filter((a) => a.date < input.practiceDay)).map((a) =>
      done(a.activityId, a.date),
    );
    await tenant.db.insert(attendance).values(
      tenant.row({
        cohortId: input.cohortId,
        personId,
        sessionDate: input.practiceDay,
        present: p.attended,
        recordedBy: input.coordinatorId,
        recordedAt: at(input.practiceDay, 17),
      }),
    );
    /** One score per competence on the insight test or the proof. */
    const recordScores = (score: {
      kind: "insight-test" | "competence-proof";
      activityId: string;
      total: number;
      day: string;
      correct: (competence: number) => number;
      assessedBy?: string;
    }) =>
      tenant.db.insert(measures).values(
        tenant.rows(
          competences.map((competenceId, c) => ({
            personId,
            cohortId: input.cohortId,
            trajectoryId: input.trajectoryId,
            activityId: score.activityId,
            kind: score.kind,
            competenceId,
            correct: score.correct(c),
            total: score.total,
            takenAt: at(score.day),
            assessedBy: score.assessedBy,
          })),
        ),
      );
    await recordScores({
      kind: "insight-test",
      activityId: insight!.id!,
      total: 2,
      day: addDays(input.practiceDay, -10),
      correct: (c) =>
        Math.min(2, Math.max(0, p.preCorrect - (c === 1 ? 1 : 0) + (i % 3 === 0 && c === 1 ? 1 : 0))),
    });
    progress.push(done(insight!.id!, addDays(input.practiceDay, -10)));
    if (p.proof !== null) {
      await recordScores({
        kind: "competence-proof",
        activityId: proof!.id!,
        total: 10,
        day: addDays(input.practiceDay, 45),
        correct: (c) => Math.max(0, p.proof! - c),
        assessedBy: input.coordinatorId,
      });
      progress.push(done(proof!.id!, addDays(input.practiceDay, 45)));
    }
    for (const survey of surveys) {
      const moment = survey.offsetDays <= 7 ? "after-practice-day" : "after-weeks";
      if (moment === "after-practice-day" ? !p.surveyAfterDay : !p.surveyAfterWeeks) continue;
      const date = addDays(input.practiceDay, survey.offsetDays);
      await tenant.db.insert(surveyResponses).values(
        tenant.row({
          cohortId: input.cohortId,
          personId,
          activityId: survey.id!,
          moment,
          answers: surveyAnswers(i, moment),
          submittedAt: at(date, 16),
        }),
      );
      progress.push(done(survey.id!, date));
    }
    await tenant.db.insert(activityProgress).values(progress);
    if (p.practises) await seedPracticeAnswers(tenant, input, practice, personId, i);
    await seedApplications(tenant, input, personId, managers.get(personId)!, i, p);
    if (p.consent) {
      await tenant.db
        .insert(learnerPreferences)
        .values(tenant.row({ personId, interviewConsent: true }))
        .onConflictDoNothing();
    }
  }
  await seedEffects(tenant, input);
}

type Question = typeof questions.$inferSelect;

/** Practice weeks after the practice day: most get most scenarios right, a few still struggle. */
async function seedPracticeAnswers(
  tenant: Tenant,
  input: DemoImpactInput,
  practice: Question[],
  personId: string,
  i: number,
) {
  const rows = [10, 24, 40].flatMap((day, round) =>
    practice.map((q, position) => {
      const correct = i < 9 ? (position + round + i) % 7 !== 0 : (position + round) % 2 === 0;
      const option = q.options.find((o) => o.correct === correct) ?? q.options[0]!;
      const answeredAt = at(addDays(input.practiceDay, day), 7);
      return tenant.row({
        personId,
        cohortId: input.cohortId,
        questionId: q.id,
        competenceId: q.competenceId,
        context: "practice" as const,
        clientId: `demo-finished:${q.id}:${day}`,
        optionId: option.id,
        correct,
        answeredAt,
        receivedAt: answeredAt,
      });
    }),
  );
  await tenant.db.insert(answers).values(rows);
}

async function seedApplications(
  tenant: Tenant,
  input: DemoImpactInput,
  personId: string,
  managerId: string,
  i: number,
  p: ReturnType<typeof profile>,
) {
  if (i >= 11) return;
  const text = plansByIndex[i % plansByIndex.length]!;
  const [plan] = await tenant.db
    .insert(actionPlans)
    .values(
      tenant.row({
        personId,
        cohortId: input.cohortId,
        competenceId: input.document.competences[0]!.id!,
        ...text,
        firstMoment: at(addDays(input.practiceDay, 3), 8),
        createdAt: at(input.practiceDay, 15),
      }),
    )
    .returning({ id: actionPlans.id });
  for (let n = 0; n < Math.max(p.applications, i === 10 ? 1 : 0); n++) {
    const occurredAt = at(addDays(input.practiceDay, 5 + n * 9 + (i % 4)), 10);
    const outcome =
      i === 10 ? ("did-not-act" as const) : n === 2 || i === 9 ? ("partly" as const) : ("went-well" as const);
    const [application] = await tenant.db
      .insert(planApplications)
      .values(
        tenant.row({
          planId: plan!.id,
          personId,
          occurredAt,
          whatHappened:
            outcome === "did-not-act"
              ? "De situatie kwam, maar het was te druk; ik deed het op de oude manier."
              : "Eerst erkend dat het vervelend was, daarna een concrete afspraak met datum gemaakt.",
          outcome,
          createdAt: occurredAt,
        }),
      )
      .returning({ id: planApplications.id });
    if (n < p.confirmed) {
      await tenant.db.insert(applicationConfirmations).values(
        tenant.row({
          applicationId: application!.id,
          confirmedBy: managerId,
          confirmedAt: at(addDays(input.practiceDay, 6 + n * 9 + (i % 4))),
        }),
      );
    }
  }
}

/** Two organisation figures before and after, and the interview with the clearest success case. */
async function seedEffects(tenant: Tenant, input: DemoImpactInput) {
  const createdAt = at(addDays(input.practiceDay, -20));
  await tenant.db.insert(impactKpis).values(
    tenant.rows([
      {
        trajectoryId: input.trajectoryId,
        name: "Klachten over communicatie",
        unit: "per maand",
        better: "lower" as const,
        beforeValue: 14,
        beforePeriod: "drie maanden voor de training, gemiddeld",
        afterValue: 9,
        afterPeriod: "de tweede en derde maand erna, gemiddeld",
        source: "klachtenregistratie kantoor",
        createdBy: input.coordinatorId,
        createdAt,
      },
      {
        trajectoryId: input.trajectoryId,
        name: "Terugbelverzoeken zonder afgesproken tijd",
        unit: "per week",
        better: "lower" as const,
        beforeValue: 22,
        beforePeriod: "vier weken voor de training",
        afterValue: 15,
        afterPeriod: "week 6 tot en met 9 erna",
        source: "telefoonnotities planning",
        createdBy: input.coordinatorId,
        createdAt,
      },
    ]),
  );
  const [first] = await tenant.select(
    learnerPreferences,
    { personId: learnerPreferences.personId },
    eq(learnerPreferences.personId, input.participantIds[0]!),
  );
  if (!first) return;
  await tenant.db.insert(successCaseInterviews).values(
    tenant.row({
      trajectoryId: input.trajectoryId,
      personId: first.personId,
      interviewerId: input.coordinatorId,
      kind: "success" as const,
      notes: {
        used: "Bij boze bellers eerst de frustratie benoemen en dan één afspraak met datum maken.",
        result: "Twee klanten die wilden opzeggen, bleven; de leidinggevende hoorde beide gesprekken.",
        helped:
          "Het als-dan-plan op een briefje bij de telefoon, en het gesprek met de leidinggevende na een week.",
        hindered: "Op drukke maandagen geen tijd om rustig terug te bellen.",
        suggestion: "Een vaste terugbeltijd op maandagmiddag.",
      },
      evidenceChecked: true,
      createdAt: at(addDays(input.practiceDay, 55), 11),
    }),
  );
}
