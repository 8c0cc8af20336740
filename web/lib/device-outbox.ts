import type { PracticeAnswerResult } from "../../common/schemas/learning.ts";
import { api, ApiError } from "./api.ts";
import { deviceStore } from "./device-store.ts";
import { createOutbox, type Sender } from "./outbox.ts";

/** Answers go with their clientId, application logs with the Idempotency-Key they were kept with. */
const sendItem: Sender = (item) =>
  item.kind === "answer"
    ? api<PracticeAnswerResult>("POST", "/api/practice-answers", item.body)
    : api("POST", `/api/action-plans/${item.planId}/applications`, item.body, { idempotencyKey: item.id });

/** Offline again, or the server failed: keep the write and try later. A 4xx will never succeed. */
const worthRetrying = (error: unknown) =>
  !(error instanceof ApiError) || error.code === "NETWORK" || error.status >= 500;

/** This device's outbox, in IndexedDB. */
export const outbox = createOutbox({
  store: deviceStore,
  send: sendItem,
  worthRetrying,
  legacy: () => (typeof localStorage === "undefined" ? undefined : localStorage),
});
