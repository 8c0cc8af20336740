import { type Card, createEmptyCard, fsrs, type Grade, generatorParameters, Rating } from "ts-fsrs";

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

/** Fuzz spreads reviews that would otherwise fall on the same day; tests switch it off. */
export function scheduler(desiredRetention = DEFAULT_RETENTION, fuzz = true) {
  return fsrs(
    generatorParameters({ request_retention: clampRetention(desiredRetention), enable_fuzz: fuzz }),
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
}

/**
 * Today's practice within the daily cap, and a date for every card that did not fit. After a holiday
 * or sick leave the backlog is spread over the coming days, most-at-risk first, instead of piling up
 * on one day; nothing is lost and nobody is punished for the gap.
 */
export function planPractice(
  due: QueuedCard[],
  today: string,
  dailyCap: number,
): { today: QueuedCard[]; later: Map<string, string> } {
  const ordered = [...due].sort(
    (a, b) => a.recall - b.recall || a.due.getTime() - b.due.getTime() || a.id.localeCompare(b.id),
  );
  const later = new Map<string, string>();
  ordered.slice(dailyCap).forEach((card, index) => {
    const day = new Date(`${today}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1 + Math.floor(index / dailyCap));
    later.set(card.id, day.toISOString().slice(0, 10));
  });
  return { today: ordered.slice(0, dailyCap), later };
}
