import { type Card, createEmptyCard, fsrs, type Grade, generatorParameters, Rating, State } from "ts-fsrs";

/**
 * The one place Beklijf talks to ts-fsrs (the FSRS reference implementation). Everything here is pure:
 * the time is always passed in, so tests run on a fixed clock and late (offline) answers are scheduled
 * by the moment they were given.
 */
export const DEFAULT_RETENTION = 0.9;
export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.97;

export type PracticeCard = Card;

export function clampRetention(value: number): number {
  return Math.min(MAX_RETENTION, Math.max(MIN_RETENTION, value));
}

const schedulers = new Map<string, ReturnType<typeof fsrs>>();

/** Schedulers are reused per setting: building one per card cost more than the FSRS maths itself. */
export function scheduler(desiredRetention = DEFAULT_RETENTION, fuzz = true) {
  const key = `${clampRetention(desiredRetention)}:${fuzz}`;
  let found = schedulers.get(key);
  if (!found) {
    found = buildScheduler(desiredRetention, fuzz);
    schedulers.set(key, found);
  }
  return found;
}

/**
 * One learning step and one relearning step of ten minutes (decision 0013). A miss (new card or lapse)
 * comes back ten minutes later: the session asks it again after a few other questions, and when the
 * learner stops first, the next session offers it that day or the next. Answered right then, FSRS's own
 * short-term formula schedules it (a day or two after a lapse), where the long-term scheduler alone
 * forced a lapse to at least two or three days (its Again < Hard < Good spacing), against FSRS's own
 * estimate of about one day. A new card answered right goes straight to FSRS's interval (2 days with
 * the default weights): one step only, so once-a-day learners are not asked the same card twice for it.
 * The step is ten minutes rather than one so a learner who reloads right after a session is not served
 * the card they just saw; within a session the re-ask comes sooner, and ts-fsrs takes an early step.
 * Fuzz spreads reviews that would otherwise fall on the same day; tests switch it off.
 */
export const LEARNING_STEPS = ["10m"] as const;
export const RELEARNING_STEPS = ["10m"] as const;

function buildScheduler(desiredRetention: number, fuzz: boolean) {
  return fsrs(
    generatorParameters({
      request_retention: clampRetention(desiredRetention),
      enable_fuzz: fuzz,
      enable_short_term: true,
      learning_steps: LEARNING_STEPS,
      relearning_steps: RELEARNING_STEPS,
    }),
  );
}

export function newCard(now: Date): PracticeCard {
  return createEmptyCard(now);
}

/**
 * FSRS rating from an answer. Auto-graded questions never ask the learner to grade themselves
 * (self-grading is noisy): wrong is Again, right is Good. "Easy" for fast right answers is not used
 * until it is shown to help. Open questions use the learner's own rating against the model answer.
 */
export function ratingFor(
  answer: { correct: boolean } | { selfRating: "again" | "hard" | "good" | "easy" },
): Grade {
  if ("correct" in answer) return answer.correct ? Rating.Good : Rating.Again;
  return { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy }[
    answer.selfRating
  ] as Grade;
}

export function review(
  card: PracticeCard,
  grade: Grade,
  answeredAt: Date,
  desiredRetention = DEFAULT_RETENTION,
  fuzz = true,
) {
  return scheduler(desiredRetention, fuzz).next(card, answeredAt, grade);
}

/** The chance (0–1) that the learner still remembers the card at `at`: "you will likely remember 86%". */
export function recallChance(card: PracticeCard, at: Date, desiredRetention = DEFAULT_RETENTION): number {
  return scheduler(desiredRetention, false).get_retrievability(card, at, false);
}

export interface QueuedCard {
  id: string;
  due: Date;
  /** Recall chance now; the least likely to be remembered go first. */
  recall: number;
  /** How long the card takes to answer, in seconds. */
  seconds: number;
  /** Application and decision questions win over fact recall at similar risk. */
  preferred: boolean;
}

/** A recall question must be this much more at risk before it goes ahead of an application question. */
const PREFERENCE_MARGIN = 0.1;

const urgency = (card: QueuedCard) => card.recall - (card.preferred ? PREFERENCE_MARGIN : 0);

/**
 * Today's practice within the daily time budget, and a date for every card that did not fit. After a
 * holiday or sick leave the backlog is spread over the coming days, most-at-risk first, instead of
 * piling up on one day; nothing is lost and nobody is punished for the gap. At least one card always
 * fits, so a long open question cannot block practice.
 */
export function planPractice(
  due: QueuedCard[],
  today: string,
  budget: { dailySeconds: number; usedToday: number },
): { today: QueuedCard[]; later: Map<string, string> } {
  const ordered = [...due].sort(
    (a, b) => urgency(a) - urgency(b) || a.due.getTime() - b.due.getTime() || a.id.localeCompare(b.id),
  );
  const days: QueuedCard[][] = [[]];
  let left = Math.max(0, budget.dailySeconds - budget.usedToday);
  for (const card of ordered) {
    const current = days[days.length - 1]!;
    const firstOfFreshDay = current.length === 0 && (days.length > 1 || budget.usedToday === 0);
    if (card.seconds <= left || firstOfFreshDay) {
      current.push(card);
      left -= card.seconds;
    } else {
      days.push([card]);
      left = budget.dailySeconds - card.seconds;
    }
  }
  const later = new Map<string, string>();
  days.slice(1).forEach((cards, index) => {
    const day = new Date(`${today}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1 + index);
    for (const card of cards) later.set(card.id, day.toISOString().slice(0, 10));
  });
  return { today: days[0]!, later };
}

/**
 * Cards are stored as JSON; ts-fsrs wants its dates back as Date objects. Cards stored before the
 * learning steps (decision 0013) have no `learning_steps`: 0 is "at the first step", what ts-fsrs
 * assumes too, and they are all in the Review state, where the step only matters after a lapse.
 */
export function storeCard(card: PracticeCard): Record<string, unknown> {
  return JSON.parse(JSON.stringify(card)) as Record<string, unknown>;
}

export function loadCard(stored: Record<string, unknown>): PracticeCard {
  const card = { ...stored } as unknown as PracticeCard & { due: string | Date; last_review?: string | Date };
  return {
    ...card,
    learning_steps: card.learning_steps ?? 0,
    due: new Date(card.due),
    ...(card.last_review ? { last_review: new Date(card.last_review) } : {}),
  } as PracticeCard;
}

/** True while a card is missed and not yet answered right since: it is in a (re)learning step. */
export function isMissed(card: PracticeCard): boolean {
  return card.state === State.Learning || card.state === State.Relearning;
}

/**
 * The share (0–1) of the practised cards the learner will probably still remember at `at` without
 * practising in between: each card's FSRS recall chance, where a card missed and not answered right
 * since counts as not known (0). Counting a miss as 0, rather than FSRS's recall from the moment the
 * learner saw the right answer, is what keeps a wrong answer from ever raising the forecast: FSRS
 * measures recall from the last review, so a long-overdue card answered wrong (clock reset) and a new
 * card answered wrong (joining the average at about 0.6 after a week) both raised it. Cards never
 * answered are left out: nothing is known about them yet.
 */
export function recallForecast(
  cards: { card: PracticeCard; retention: number }[],
  at: Date,
): { share: number; cards: number } | null {
  const practised = cards.filter(({ card }) => card.reps > 0);
  if (practised.length === 0) return null;
  const total = practised.reduce(
    (sum, { card, retention }) => sum + (isMissed(card) ? 0 : recallChance(card, at, retention)),
    0,
  );
  return { share: Math.round((total / practised.length) * 100) / 100, cards: practised.length };
}
