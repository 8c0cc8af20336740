import { and, eq, gte, inArray, isNull, lte, notExists, or, sql } from "drizzle-orm";
import type { QuestionKind, QuestionLevel } from "../../../common/schemas/questions.ts";
import {
  actionPlans,
  answers,
  cohortParticipants,
  cohorts,
  practiceCards,
  questions,
} from "../../db/schema/index.ts";
import { oneOrMany } from "../../db/one-or-many.ts";
import type { Tenant } from "../../db/tenant.ts";
import {
  type Enrolment,
  enrolmentsOfPeople,
  type LearnerSettings,
  learnerSettingsOfPeople,
  practiceStarted,
} from "../cohorts/index.ts";
import { notFound } from "../../errors.ts";
import { loadCard, newCard, planPractice, type QueuedCard, recallChance, storeCard } from "./scheduler.ts";
import { todayIn } from "../../../common/dates.ts";

/**
 * Today's practice session per learner. Everything is read for a group of learners at once (one query
 * per kind of row), then planned per learner: the signed-in request is a group of one, the morning
 * nudge sweep a few hundred, so both plan with the same code and the sweep does not pay a dozen
 * queries per learner.
 */

/** Typical answering time per kind of question: the daily session is planned in minutes, not cards. */
export const secondsFor: Record<QuestionKind, number> = { "multiple-choice": 30, scenario: 60, open: 90 };

export interface DueCard {
  id: string;
  cohortId: string;
  due: Date;
  fsrs: Record<string, unknown>;
  question: Pick<typeof questions.$inferSelect, "id" | "kind" | "level">;
}

/** Today's session: what Today and the morning nudge need. */
export interface SessionPlan {
  today: string;
  session: DueCard[];
  sessionSeconds: number;
  backlog: number;
  pausedUntil: string | null;
  enrolments: Enrolment[];
  retentionOf: (cohortId: string) => number;
}

/** The practice screen's plan: the session, plus every card (the week's forecast) and the next date. */
export interface PracticePlan extends SessionPlan {
  nextDue: Date | null;
  cards: DueCard[];
}

/**
 * The learners' cards: all of them (the practice screen's forecast and next date need every card), or
 * only those that can be in today's session (due now, or linked to a plan that is near), which is all
 * Today and the sweep need and, on most days, a small share of a learner's cards.
 */
async function loadCards(
  tenant: Tenant,
  personIds: string[],
  which: { dueBy: Date; linkedQuestionIds: string[] } | "all",
) {
  const dueNowOrLinked =
    which === "all"
      ? undefined
      : which.linkedQuestionIds.length === 0
        ? lte(practiceCards.due, which.dueBy)
        : or(lte(practiceCards.due, which.dueBy), inArray(practiceCards.questionId, which.linkedQuestionIds));
  const rows = await tenant.db
    .select({
      personId: practiceCards.personId,
      // One JSON array per learner rather than a row per card: PGlite hands a result to JavaScript
      // field by field, and a learner has hundreds of cards. Planning needs only these columns; the
      // few cards of today's session get their full question afterwards (`sessionQuestions`).
      cards: sql<string>`json_agg(json_build_array(${practiceCards.id}, ${practiceCards.cohortId}, ${practiceCards.due}, ${practiceCards.fsrs}, ${questions.id}, ${questions.kind}, ${questions.level}))::text`,
    })
    .from(practiceCards)
    .innerJoin(questions, tenant.refersTo(practiceCards.questionId, questions))
    .where(
      tenant.where(
        practiceCards,
        oneOrMany(practiceCards.personId, personIds),
        dueNowOrLinked,
        isNull(questions.deletedAt),
      ),
    )
    .groupBy(practiceCards.personId);
  const cards = new Map<string, DueCard[]>(personIds.map((id) => [id, []]));
  for (const row of rows) cards.set(row.personId, (JSON.parse(row.cards) as CardTuple[]).map(cardOf));
  return cards;
}

type CardTuple = [string, string, string, Record<string, unknown>, string, QuestionKind, QuestionLevel];

const cardOf = ([id, cohortId, due, fsrs, questionId, kind, level]: CardTuple): DueCard => ({
  id,
  cohortId,
  due: new Date(due),
  fsrs,
  question: { id: questionId, kind, level },
});

interface MissingCard {
  personId: string;
  cohortId: string;
  questionId: string;
}

/**
 * The practice questions of started trajectories the learner has no card for yet: questions added
 * later join the next session; deleted ones are never carded. Asked of the database, which answers
 * with nothing on nearly every call, instead of reading every card and question to compare.
 */
async function missingCards(tenant: Tenant, started: Map<string, Enrolment[]>): Promise<MissingCard[]> {
  const isStarted = new Set([...started].flatMap(([id, list]) => list.map((e) => `${id}:${e.cohortId}`)));
  const personIds = [...started].filter(([, list]) => list.length > 0).map(([id]) => id);
  if (personIds.length === 0) return [];
  const cohortIds = [...new Set([...started.values()].flat().map((e) => e.cohortId))];
  const p = cohortParticipants;
  const rows = await tenant.db
    .select({ personId: p.personId, cohortId: p.cohortId, questionId: questions.id })
    .from(p)
    .innerJoin(cohorts, tenant.refersTo(p.cohortId, cohorts))
    .innerJoin(
      questions,
      and(
        eq(questions.organisationId, cohorts.organisationId),
        eq(questions.trajectoryId, cohorts.trajectoryId),
      ),
    )
    .where(
      tenant.where(
        p,
        oneOrMany(p.personId, personIds),
        inArray(p.cohortId, cohortIds),
        isNull(questions.deletedAt),
        // The JSON containment operator: drizzle has no helper for it.
        sql`${questions.uses} @> '["practice"]'::jsonb`,
        notExists(
          tenant.db
            .select({ one: sql`1` })
            .from(practiceCards)
            .where(
              and(
                eq(practiceCards.organisationId, p.organisationId),
                eq(practiceCards.personId, p.personId),
                eq(practiceCards.cohortId, p.cohortId),
                eq(practiceCards.questionId, questions.id),
              ),
            ),
        ),
      ),
    );
  return rows.filter((row) => isStarted.has(`${row.personId}:${row.cohortId}`));
}

/** Gives learners a fresh card for each missing question; a card made meanwhile (a second tab) stays. */
async function makeCards(tenant: Tenant, missing: MissingCard[], now: Date) {
  const fresh = storeCard(newCard(now));
  await tenant.db
    .insert(practiceCards)
    .values(missing.map((card) => tenant.row({ ...card, due: now, fsrs: fresh })))
    .onConflictDoNothing();
}

/**
 * Practice questions a learner linked to a plan whose moment is near (from a day ago to two days ahead):
 * they come up now, so retrieval and application reinforce each other.
 */
async function questionsLinkedToComingPlans(tenant: Tenant, personIds: string[], now: Date) {
  const plans = await tenant.select(
    actionPlans,
    { personId: actionPlans.personId, cohortId: actionPlans.cohortId, questionIds: actionPlans.questionIds },
    oneOrMany(actionPlans.personId, personIds),
    isNull(actionPlans.archivedAt),
    gte(actionPlans.firstMoment, new Date(now.getTime() - 86_400_000)),
    lte(actionPlans.firstMoment, new Date(now.getTime() + 2 * 86_400_000)),
  );
  const linked = new Map<string, Set<string>>(personIds.map((id) => [id, new Set()]));
  for (const plan of plans)
    for (const id of plan.questionIds) linked.get(plan.personId)?.add(`${plan.cohortId}:${id}`);
  return linked;
}

/**
 * Seconds each learner already practised today (answers since their own midnight, at the typical time
 * per kind). Asked only for learners with cards due; each learner's day starts in their own time zone.
 */
async function secondsUsedToday(tenant: Tenant, dayStarts: Map<string, Date>): Promise<Map<string, number>> {
  const used = new Map<string, number>();
  if (dayStarts.size === 0) return used;
  const personIds = [...dayStarts.keys()];
  const earliest = new Date(Math.min(...[...dayStarts.values()].map((d) => d.getTime())));
  const rows = await tenant.db
    .select({ personId: answers.personId, kind: questions.kind, answeredAt: answers.answeredAt })
    .from(answers)
    .innerJoin(questions, tenant.refersTo(answers.questionId, questions))
    .where(
      tenant.where(
        answers,
        oneOrMany(answers.personId, personIds),
        eq(answers.context, "practice"),
        gte(answers.answeredAt, earliest),
      ),
    );
  for (const row of rows)
    if (row.answeredAt >= dayStarts.get(row.personId)!)
      used.set(row.personId, (used.get(row.personId) ?? 0) + secondsFor[row.kind]);
  return used;
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

/** What one learner's plan is made from, read for the whole group beforehand. */
interface LearnerInputs {
  settings: LearnerSettings;
  enrolments: Enrolment[];
  cards: DueCard[];
  linked: Set<string>;
}

/** The cards due now (or linked to a plan that is near), before today's budget is applied. */
const dueCards = ({ cards, linked }: LearnerInputs, now: Date) =>
  cards.filter((row) => row.due <= now || linked.has(`${row.cohortId}:${row.question.id}`));

/** One learner's session from their inputs and what they practised today: pure, no database. */
function planFor(
  inputs: LearnerInputs,
  usedToday: number,
  now: Date,
): SessionPlan & { later: Map<string, string> } {
  const { settings, enrolments } = inputs;
  const today = todayIn(settings.timeZone, now);
  const pausedUntil = settings.pausedUntil;
  const paused = pausedUntil !== null && pausedUntil >= today;
  const started = enrolments.filter((e) => practiceStarted(e, today));
  const retentionOf = (cohortId: string) =>
    enrolments.find((e) => e.cohortId === cohortId)?.document.desiredRetention ?? 0.9;
  const dailySeconds =
    60 * (started.length ? Math.max(...started.map((e) => e.document.dailyPracticeMinutes)) : 5);
  const due = dueCards(inputs, now);
  const queued: QueuedCard[] = due.map((row) => ({
    id: row.id,
    due: row.due,
    recall: recallChance(loadCard(row.fsrs), now, retentionOf(row.cohortId)),
    seconds: secondsFor[row.question.kind],
    preferred: row.question.level !== "recall",
  }));
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
    pausedUntil: paused ? pausedUntil : null,
    enrolments,
    retentionOf,
    later: plan.later,
  };
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

/**
 * Every learner's inputs, read for the whole group: cards are made first for questions a learner has
 * none for yet (reading first keeps the common request free of writes), then `which` cards are read.
 */
async function inputsOf(tenant: Tenant, personIds: string[], now: Date, which: "all" | "due") {
  const [enrolments, settings] = await Promise.all([
    enrolmentsOfPeople(tenant, personIds),
    learnerSettingsOfPeople(tenant, personIds),
  ]);
  const people = personIds.filter((id) => settings.has(id));
  const started = new Map(
    people.map((id) => {
      const today = todayIn(settings.get(id)!.timeZone, now);
      return [id, (enrolments.get(id) ?? []).filter((e) => practiceStarted(e, today))];
    }),
  );
  const missing = await missingCards(tenant, started);
  if (missing.length > 0) await makeCards(tenant, missing, now);
  const linked = await questionsLinkedToComingPlans(tenant, people, now);
  const linkedQuestionIds = [...new Set([...linked.values()].flatMap((set) => [...set].map(questionOf)))];
  const cards = await loadCards(tenant, people, which === "all" ? "all" : { dueBy: now, linkedQuestionIds });
  return new Map<string, LearnerInputs>(
    people.map((id) => {
      const enrolled = enrolments.get(id) ?? [];
      return [
        id,
        {
          settings: settings.get(id)!,
          enrolments: enrolled,
          cards: ofCurrentCohorts(cards.get(id) ?? [], enrolled),
          linked: linked.get(id)!,
        },
      ];
    }),
  );
}

/**
 * A cancelled cohort, or one the learner was taken out of, asks nothing more of them: its cards stay
 * (with their answers, for the record) but are no longer offered.
 */
function ofCurrentCohorts(cards: DueCard[], enrolments: Enrolment[]): DueCard[] {
  const current = new Set(enrolments.map((enrolment) => enrolment.cohortId));
  return cards.filter((card) => current.has(card.cohortId));
}

/** The question id in a `cohortId:questionId` key. */
const questionOf = (key: string) => key.slice(key.indexOf(":") + 1);

/** Each learner's plan from their inputs, after one query for what they all practised today. */
async function plansFrom(tenant: Tenant, inputs: Map<string, LearnerInputs>, now: Date) {
  const dayStarts = new Map(
    [...inputs]
      .filter(([, input]) => dueCards(input, now).length > 0)
      .map(([id, input]) => [id, startOfDay(todayIn(input.settings.timeZone, now), input.settings.timeZone)]),
  );
  const used = await secondsUsedToday(tenant, dayStarts);
  return new Map([...inputs].map(([id, input]) => [id, planFor(input, used.get(id) ?? 0, now)]));
}

/**
 * Today's session for each of `personIds` (people of the tenant; anyone else is left out): the due
 * cards that fit the daily budget (the largest of the learner's trajectories' daily minutes, minus
 * what was practised today), most at risk first, application before recall.
 */
export async function planSessions(
  tenant: Tenant,
  personIds: string[],
  now: Date,
): Promise<Map<string, SessionPlan>> {
  const plans = await plansFrom(tenant, await inputsOf(tenant, personIds, now, "due"), now);
  return new Map([...plans].map(([id, { later: _later, ...plan }]) => [id, plan]));
}

/** One learner's session, with every card and the date of the next practice: the practice screen. */
export async function planSession(tenant: Tenant, personId: string, now: Date): Promise<PracticePlan> {
  const inputs = await inputsOf(tenant, [personId], now, "all");
  const found = (await plansFrom(tenant, inputs, now)).get(personId);
  if (!found) throw notFound("person");
  const { later, ...plan } = found;
  const { cards } = inputs.get(personId)!;
  const sessionIds = new Set(plan.session.map((row) => row.id));
  return {
    ...plan,
    cards,
    // While today's session waits, the next practice is now; after it, the earliest date still ahead.
    nextDue: sessionIds.size > 0 ? now : nextDueAfterSession(cards, sessionIds, later, now),
  };
}
