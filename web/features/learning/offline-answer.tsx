import { useCallback, useEffect, useMemo, useRef } from "react";
import type {
  PracticeAnswerBody,
  PracticeAnswerResult,
  PracticeResponse,
} from "../../../common/schemas/learning.ts";
import { useKept } from "../../lib/offline-sync.ts";
import { outbox } from "../../lib/device-outbox.ts";
import { useMe } from "../../lib/session.ts";

/** What the practice screen shows of an answer: right or not, or kept on the device (`offline`). */
export interface ShownOutcome {
  correct: boolean | null;
  correctOptionIds: string[];
  chosen: string | null;
  offline: boolean;
}

/** Keeps an answer made without a connection on the device, for the signed-in person. */
export function useKeepAnswer(): (body: PracticeAnswerBody) => Promise<void> {
  const personId = useMe().data?.person.id;
  return useCallback(
    async (body) => {
      if (!personId) return;
      await outbox.keep({
        kind: "answer",
        id: body.clientId,
        personId,
        keptAt: new Date().toISOString(),
        body,
      });
    },
    [personId],
  );
}

/**
 * Today's plan without the cards answered offline: the last sync still lists them as due, and asking
 * them again before the kept answer is sent would count twice in the learner's mind (not on the server).
 */
export function useWithoutKeptAnswers(plan: PracticeResponse | undefined): PracticeResponse | undefined {
  const kept = useKept(useMe().data?.person.id);
  return useMemo(() => {
    const answered = new Set(kept.flatMap((item) => (item.kind === "answer" ? [item.body.cardId] : [])));
    if (!plan || answered.size === 0) return plan;
    return { ...plan, cards: plan.cards.filter((card) => !answered.has(card.cardId)) };
  }, [plan, kept]);
}

/**
 * Once an answer kept offline is sent (the connection came back while the card is still on screen),
 * `onChecked` gets the server's answer, so the real feedback replaces "saved".
 */
export function useCheckedLater(
  clientId: string | null,
  onChecked: (result: PracticeAnswerResult) => void,
): void {
  const latest = useRef(onChecked);
  useEffect(() => {
    latest.current = onChecked;
  });
  useEffect(() => {
    if (!clientId) return;
    return outbox.onDelivered((delivery) => {
      if (delivery.status === "sent" && delivery.item.id === clientId)
        latest.current(delivery.result as PracticeAnswerResult);
    });
  }, [clientId]);
}

/** An option's look after an answer: right, wrong, or (offline) the chosen one, neutral. */
export function optionState(outcome: ShownOutcome | null, optionId: string): string {
  if (!outcome) return "";
  if (outcome.offline) return outcome.chosen === optionId ? "option-saved" : "";
  if (outcome.correctOptionIds.includes(optionId)) return "option-right";
  return outcome.chosen === optionId ? "option-wrong" : "";
}

/** The feedback box's look: an answer kept offline is neither right nor wrong yet. */
export function feedbackState(outcome: ShownOutcome): string {
  if (outcome.offline) return "feedback-saved";
  return outcome.correct === false ? "feedback-wrong" : "feedback-right";
}
