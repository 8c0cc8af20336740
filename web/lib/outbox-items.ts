import type { z } from "zod";
import type { createApplicationBody } from "../../common/schemas/action-plans.ts";
import type { PracticeAnswerBody, PracticeAnswerResult } from "../../common/schemas/learning.ts";

/** An application log entry as the form sends it. */
export type ApplicationBody = Partial<z.input<typeof createApplicationBody>>;

interface Kept {
  /** The answer's clientId, or the application's Idempotency-Key: both chosen when it was made. */
  id: string;
  /** Whose it is: only that person's session sends it, and another person's sign-in removes it. */
  personId: string;
  keptAt: string;
}
export interface KeptAnswer extends Kept {
  kind: "answer";
  body: PracticeAnswerBody;
}
export interface KeptApplication extends Kept {
  kind: "application";
  planId: string;
  body: ApplicationBody;
}
/** A write made without a connection, waiting on the device to be sent. */
export type OutboxItem = KeptAnswer | KeptApplication;

/** What became of one kept write: sent (with the server's answer), or refused for good. */
export type Delivery =
  | { item: KeptAnswer; status: "sent"; result: PracticeAnswerResult }
  | { item: KeptApplication; status: "sent"; result: unknown }
  | { item: OutboxItem; status: "refused" };

/** The list with `item` in it once: keeping the same write again replaces it. */
export function withItem(items: readonly OutboxItem[], item: OutboxItem): OutboxItem[] {
  return [...items.filter((i) => i.id !== item.id), item];
}

export function withoutItem(items: readonly OutboxItem[], id: string): OutboxItem[] {
  return items.filter((i) => i.id !== id);
}

export function itemsOf(items: readonly OutboxItem[], personId: string | null | undefined): OutboxItem[] {
  return personId ? items.filter((i) => i.personId === personId) : [];
}

export interface Waiting {
  answers: number;
  applications: number;
}

export function waitingCounts(items: readonly OutboxItem[]): Waiting {
  const answers = items.filter((i) => i.kind === "answer").length;
  return { answers, applications: items.length - answers };
}

/**
 * The answers an earlier version kept in localStorage (a JSON array of answer bodies), taken over once
 * for the person signed in now. Anything unreadable is dropped: it could never be sent.
 */
export function fromLegacy(text: string | null, personId: string, now: Date): KeptAnswer[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter(
      (a): a is PracticeAnswerBody =>
        typeof a === "object" && a !== null && typeof (a as PracticeAnswerBody).clientId === "string",
    )
    .map((body) => ({ kind: "answer", id: body.clientId, personId, keptAt: now.toISOString(), body }));
}

/** The quiet note after sending: how many answers went and how many of them were right. */
export interface SentSummary {
  answers: number;
  right: number;
  applications: number;
  refused: number;
}

export function summarise(deliveries: readonly Delivery[]): SentSummary {
  const summary: SentSummary = { answers: 0, right: 0, applications: 0, refused: 0 };
  for (const delivery of deliveries) {
    if (delivery.status === "refused") summary.refused += 1;
    else if (delivery.item.kind === "application") summary.applications += 1;
    else {
      summary.answers += 1;
      if ((delivery.result as PracticeAnswerResult).correct) summary.right += 1;
    }
  }
  return summary;
}
