import { count, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import type { PracticeCardView, PracticeResponse } from "../../../common/schemas/learning.ts";
import type { QuestionKind } from "../../../common/schemas/questions.ts";
import { actionPlans, answers, practiceCards, questions } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import type { Scope } from "../../http/scope.ts";
import {
  competenceName,
  type Enrolment,
  enrolmentsOf,
  learnerSettings,
  practiceStarted,
} from "../cohorts/index.ts";
import {
  loadCard,
  newCard,
  planPractice,
  type QueuedCard,
  recallChance,
  recallForecast,
  storeCard,
} from "./scheduler.ts";
import { todayIn } from "../../../common/dates.ts";

/** Typical answering time per kind of question: the daily session is planned in minutes, not cards. */
export const secondsFor: Record<QuestionKind, number> = { "multiple-choice": 30, scenario: 60, open: 90 };

/**
 * The practice questions of started trajectories the learner has no card for yet: questions added
 * later join the next session; deleted ones are never carded.
 */
async function missingCards(tenant: Tenant, started: Enrolment[], rows: DueCard[]) {
  if (started.length === 0) return [];
  const bank = await tenant.select(
    questions,
    { id: questions.id, trajectoryId: questions.trajectoryId },
    inArray(
      questions.trajectoryId,
      started.map((e) => e.trajectoryId),
    ),
    isNull(questions.deletedAt),
    sql`${questions.uses} @> '["practice"]'::jsonb`,
  );
  const carded = new Set(rows.map((row) => `${row.cohortId}:${row.question.id}`));
  return started.flatMap((e) =>
    bank
      .filter((q) => q.trajectoryId === e.trajectoryId && !carded.has(`${e.cohortId}:${q.id}`))
      .map((q) => ({ cohortId: e.cohortId, questionId: q.id })),
  );
}

/** Gives the learner a fresh card for each missing question; a card made meanwhile (a second tab) stays. */
async function makeCards(
  tenant: Tenant,
  personId: string,
  missing: { cohortId: string; questionId: string }[],
  now: Date,
) {
  const fresh = storeCard(newCard(now));
  await tenant.db
    .insert(practiceCards)
    .values(missing.map((card) => tenant.row({ personId, ...card, due: now, fsrs: fresh })))
    .onConflictDoNothing();
}

async function loadCards(tenant: Tenant, personId: string): Promise<DueCard[]> {
  return tenant.db
    .select({
      id: practiceCards.id,
      cohortId: practiceCards.cohortId,
      due: practiceCards.due,
      fsrs: practiceCards.fsrs,
      // Planning needs only these; the few cards of today's session get their full question afterwards
      // (`sessionQuestions`): reading every card's prompt and options was most of Today's database work.
      question: { id: questions.id, kind: questions.kind, level: questions.level },
    })
    .from(practiceCards)
    .innerJoin(questions, tenant.refersTo(practiceCards.questionId, questions))
    .where(tenant.where(practiceCards, eq(practiceCards.personId, personId), isNull(questions.deletedAt)));
}

interface DueCard {
  id: string;
  cohortId: string;
  due: Date;
  fsrs: Record<string, unknown>;
  question: Pick<typeof questions.$inferSelect, "id" | "kind" | "level">;
}

async function secondsUsedToday(tenant: Tenant, personId: string, dayStart: Date): Promise<number> {
  const rows = await tenant.db
    .select({ kind: questions.kind, n: count() })
    .from(answers)
    .innerJoin(questions, tenant.refersTo(answers.questionId, questions))
    .where(
      tenant.where(
        answers,
        eq(answers.personId, personId),
        eq(answers.context, "practice"),
        gte(answers.answeredAt, dayStart),
      ),
    )
    .groupBy(questions.kind);
  return rows.reduce((sum, row) => sum + secondsFor[row.kind] * row.n, 0);
}

/** The learner's own start of today, as an instant: midnight in their time zone. */
export function startOfDay(today: string, timeZone: string): Date {
  const midnightUtc = new Date(`${today}T00:00:00Z`);
  // The zone's date and hour at UTC midnight tell its offset (whole hours in the Low Countries).
  const [localDate, hour] = [todayIn(timeZone, midnightUtc), hourIn(timeZone, midnightUtc)];
  const offsetHours = localDate === today ? hour : hour - 24;
  return new Date(midnightUtc.getTime() - offsetHours * 3_600_000);
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();
function hourIn(timeZone: string, at: Date): number {
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "numeric", hourCycle: "h23" });
    hourFormats.set(timeZone, format);
  }
  return Number(format.format(at));
}

export interface PracticePlan {
  today: string;
  session: DueCard[];
  sessionSeconds: number;
  backlog: number;
  nextDue: Date | null;
  pausedUntil: string | null;
  enrolments: Enrolment[];
  /** Every card of the learner, for the week's forecast on the practice screen. */
  cards: DueCard[];
  retentionOf: (cohortId: string) => number;
}

/**
 * Today's session: the due cards that fit the daily budget (the largest of the learner's trajectories'
 * daily minutes, minus what was practised today), most at risk first, application before recall.
 */
export async function planSession(tenant: Tenant, personId: string, now: Date): Promise<PracticePlan> {
  const [enrolments, settings] = await Promise.all([
    enrolmentsOf(tenant, personId),
    learnerSettings(tenant, personId),
  ]);
  const today = todayIn(settings.timeZone, now);
  const pausedUntil = settings.pausedUntil;
  const paused = pausedUntil !== null && pausedUntil >= today;
  const started = enrolments.filter((e) => practiceStarted(e, today));
  let rows = await loadCards(tenant, personId);
  // Reading first keeps the common request free of writes; cards are made only when a question is new.
  const missing = await missingCards(tenant, started, rows);
  if (missing.length > 0) {
    await makeCards(tenant, personId, missing, now);
    rows = await loadCards(tenant, personId);
  }
  const retentionOf = (cohortId: string) =>
    enrolments.find((e) => e.cohortId === cohortId)?.document.desiredRetention ?? 0.9;
  const dailySeconds =
    60 * (started.length ? Math.max(...started.map((e) => e.document.dailyPracticeMinutes)) : 5);
  const linked = await questionsLinkedToComingPlans(tenant, personId, now);
  const due = rows.filter((row) => row.due <= now || linked.has(`${row.cohortId}:${row.question.id}`));
  const queued: QueuedCard[] = due.map((row) => ({
    id: row.id,
    due: row.due,
    recall: recallChance(loadCard(row.fsrs), now, retentionOf(row.cohortId)),
    seconds: secondsFor[row.question.kind],
    preferred: row.question.level !== "recall",
  }));
  const usedToday = due.length
    ? await secondsUsedToday(tenant, personId, startOfDay(today, settings.timeZone))
    : 0;
  const plan = planPractice(queued, today, { dailySeconds, usedToday });
  const sessionIds = new Set(paused ? [] : plan.today.map((c) => c.id));
  const session = due.filter((row) => sessionIds.has(row.id));
  const order = new Map(plan.today.map((c, index) => [c.id, index]));
  session.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return {
    today,
    session,
    sessionSeconds: session.reduce((sum, row) => sum + secondsFor[row.question.kind], 0),
    backlog: due.length - session.length,
    // While today's session waits, the next practice is now; after it, the earliest date still ahead.
    nextDue: session.length > 0 ? now : nextDueAfterSession(rows, sessionIds, plan.later, now),
    pausedUntil: paused ? pausedUntil : null,
    enrolments,
    cards: rows,
    retentionOf,
  };
}

/**
 * Practice questions a learner linked to a plan whose moment is near (from a day ago to two days ahead):
 * they come up now, so retrieval and application reinforce each other.
 */
async function questionsLinkedToComingPlans(
  tenant: Tenant,
  personId: string,
  now: Date,
): Promise<Set<string>> {
  const plans = await tenant.select(
    actionPlans,
    { cohortId: actionPlans.cohortId, questionIds: actionPlans.questionIds },
    eq(actionPlans.personId, personId),
    isNull(actionPlans.archivedAt),
    gte(actionPlans.firstMoment, new Date(now.getTime() - 86_400_000)),
    lte(actionPlans.firstMoment, new Date(now.getTime() + 2 * 86_400_000)),
  );
  return new Set(plans.flatMap((p) => p.questionIds.map((id) => `${p.cohortId}:${id}`)));
}

/** After today's session: the earliest of a spread-out backlog card's day and a future card's due date. */
function nextDueAfterSession(
  rows: DueCard[],
  sessionIds: Set<string>,
  later: Map<string, string>,
  now: Date,
): Date | null {
  const candidates = rows
    .filter((row) => !sessionIds.has(row.id))
    .map((row) => {
      const spreadTo = later.get(row.id);
      return spreadTo ? new Date(`${spreadTo}T06:00:00Z`) : row.due <= now ? now : row.due;
    });
  if (candidates.length === 0) return null;
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}

/** The share of the practised cards the learner will probably still remember a week from now. */
function forecast(rows: DueCard[], now: Date, retentionOf: (cohortId: string) => number) {
  const inAWeek = new Date(now.getTime() + 7 * 86_400_000);
  const result = recallForecast(
    rows.map((row) => ({ card: loadCard(row.fsrs), retention: retentionOf(row.cohortId) })),
    inAWeek,
  );
  return { forecastNextWeek: result?.share ?? null, forecastCards: result?.cards ?? 0 };
}

/** The full questions of today's session cards, by id. */
async function sessionQuestions(tenant: Tenant, session: DueCard[]) {
  if (session.length === 0) return new Map<string, typeof questions.$inferSelect>();
  const rows = await tenant.selectRows(
    questions,
    inArray(
      questions.id,
      session.map((row) => row.question.id),
    ),
  );
  return new Map(rows.map((question) => [question.id, question]));
}

function presentCard(
  row: DueCard,
  q: typeof questions.$inferSelect,
  enrolments: Enrolment[],
): PracticeCardView {
  const document = enrolments.find((e) => e.cohortId === row.cohortId)?.document;
  return {
    cardId: row.id,
    cohortId: row.cohortId,
    due: row.due.toISOString(),
    question: {
      id: q.id,
      kind: q.kind,
      competence: document ? competenceName(document, q.competenceId) : "",
      situation: q.situation,
      prompt: q.prompt,
      options: q.options.map((o) => ({ id: o.id, text: o.text })),
      modelAnswer: q.kind === "open" ? q.modelAnswer : null,
      aiDrafted: q.origin === "ai",
    },
  };
}

/** The learner's session of practice cards due now, with the backlog and the week ahead. */
export async function getPractice({ tenant, actor, now }: Scope): Promise<PracticeResponse> {
  const plan = await planSession(tenant, actor.personId, now);
  const full = await sessionQuestions(tenant, plan.session);
  const { forecastNextWeek, forecastCards } = forecast(plan.cards, now, plan.retentionOf);
  return {
    cards: plan.session.map((row) => presentCard(row, full.get(row.question.id)!, plan.enrolments)),
    sessionMinutes: Math.ceil(plan.sessionSeconds / 60),
    backlog: plan.backlog,
    nextDue: plan.nextDue?.toISOString() ?? null,
    forecastNextWeek,
    forecastCards,
    pausedUntil: plan.pausedUntil,
  };
}
