import type { PracticeCardView } from "../../../common/schemas/learning.ts";

/**
 * The order of a practice session on the device: the day's cards, and a miss asked once more a few
 * questions later (Qstream's "ask again within the round"). Pure, so the re-ask rule is tested without
 * a browser, and it needs no connection: the cards are already on the device (decision 0013).
 */
export interface SessionItem {
  card: PracticeCardView;
  /** True for a question asked again because it was missed earlier in this session. */
  repeat: boolean;
}

/** How many other questions come between a miss and its second go, when that many are left. */
export const RE_ASK_AFTER = 2;

export function startSession(cards: PracticeCardView[]): SessionItem[] {
  return cards.map((card) => ({ card, repeat: false }));
}

/**
 * The session after the item at `position` was answered. A wrong answer to a first go is asked again
 * after `RE_ASK_AFTER` other questions, or last when fewer remain. A right answer, an answer saved
 * offline (`correct` null: not graded yet), or a miss on the second go changes nothing: each miss gets
 * one more go per session, then FSRS brings it back.
 */
export function afterAnswer(queue: SessionItem[], position: number, correct: boolean | null): SessionItem[] {
  const item = queue[position];
  if (!item || item.repeat || correct !== false) return queue;
  if (queue.some((other, index) => index > position && other.card.cardId === item.card.cardId)) return queue;
  const at = Math.min(position + 1 + RE_ASK_AFTER, queue.length);
  return [...queue.slice(0, at), { card: item.card, repeat: true }, ...queue.slice(at)];
}

/** One answer given in this session, as the recap needs it. */
export interface SessionAnswer {
  cardId: string;
  prompt: string;
  repeat: boolean;
  /** null while the answer waits on the device to be checked. */
  correct: boolean | null;
  nextDue: string | null;
}

export type RecapKind = "right" | "rightSecondTime" | "missed" | "saved";

export interface RecapLine {
  cardId: string;
  prompt: string;
  kind: RecapKind;
  /** When the question comes back, from the last answer to it; null while it is not checked yet. */
  nextDue: string | null;
}

/**
 * One line per question of the session, in the order first asked: right at once, right on the second
 * go, still missed, or saved offline and not checked yet.
 */
export function recapOf(answers: SessionAnswer[]): RecapLine[] {
  const lines = new Map<string, RecapLine>();
  for (const answer of answers) {
    const earlier = lines.get(answer.cardId);
    const kind: RecapKind =
      answer.correct === null
        ? "saved"
        : !answer.correct
          ? "missed"
          : earlier?.kind === "missed"
            ? "rightSecondTime"
            : "right";
    lines.set(answer.cardId, { cardId: answer.cardId, prompt: answer.prompt, kind, nextDue: answer.nextDue });
  }
  return [...lines.values()];
}

/** The local calendar date (YYYY-MM-DD) of a moment, in the browser's time zone. */
function localDate(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/**
 * Whole calendar days from `now` to `due` as the learner counts them: 0 is later today, 1 tomorrow.
 * Counted on local dates, so a card due at 08:00 tomorrow is "tomorrow" also at 23:00 today.
 */
export function daysUntil(due: string, now: Date): number {
  const [from, to] = [localDate(now), localDate(new Date(due))].map((d) => Date.parse(`${d}T00:00:00Z`));
  return Math.max(0, Math.round((to! - from!) / 86_400_000));
}
