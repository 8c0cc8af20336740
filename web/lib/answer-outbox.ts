import type { PracticeAnswerBody } from "../../common/schemas/learning.ts";
import { api, ApiError } from "./api.ts";

const KEY = "beklijf.pending-answers";

/**
 * Practice answers that could not be sent (no connection on a building site): kept on the device with
 * their answer time and client id, and sent later. The server counts a client id once and schedules by
 * the answer time, so a late or repeated send is harmless.
 */
export function pendingAnswers(): PracticeAnswerBody[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? "[]") as unknown;
    return Array.isArray(parsed) ? (parsed as PracticeAnswerBody[]) : [];
  } catch {
    return [];
  }
}

function save(answers: PracticeAnswerBody[]): void {
  localStorage.setItem(KEY, JSON.stringify(answers));
}

export function keepForLater(answer: PracticeAnswerBody): void {
  save([...pendingAnswers().filter((a) => a.clientId !== answer.clientId), answer]);
}

/** Sends what is waiting; stops at the first network failure and keeps the rest. */
export async function flushPendingAnswers(): Promise<number> {
  let sent = 0;
  for (const answer of pendingAnswers()) {
    try {
      await api("POST", "/api/practice-answers", answer);
    } catch (error) {
      // Offline again: try later. A refused answer (card gone) is dropped, as it can never succeed.
      if (error instanceof ApiError && error.code === "NETWORK") break;
    }
    save(pendingAnswers().filter((a) => a.clientId !== answer.clientId));
    sent += 1;
  }
  return sent;
}
