import type { z } from "zod";
import type { outboxMessage } from "../../../common/schemas/me.ts";
import { api } from "../../lib/api.ts";

export type OutboxMessage = z.infer<typeof outboxMessage>;

/** Query keys of the notifications feature. */
export const mailboxKeys = { all: ["outbox"] as const };

/** Typed calls to the notifications API (the development mailbox). */
export const notificationsApi = {
  mailbox: () => api<OutboxMessage[]>("GET", "/api/outbox"),
};
