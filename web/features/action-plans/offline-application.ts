import { useCallback } from "react";
import { createApplicationBody } from "../../../common/schemas/action-plans.ts";
import { ApiError, idempotencyKeyOf } from "../../lib/api.ts";
import type { ApplicationBody } from "../../lib/outbox-items.ts";
import { outbox } from "../../lib/device-outbox.ts";
import { useMe } from "../../lib/session.ts";
import { applicationsPath, logApplication } from "./action-plans-api.ts";

/** "sent": the server has it; "kept": saved on the device, sent when the connection returns. */
export type LogResult = "sent" | "kept";

/**
 * Logs an application, or without a connection keeps it on the device with the Idempotency-Key of the
 * failed send (it may have reached the server), so it is sent once from any screen when the connection
 * returns. An entry the server would refuse anyway (no outcome chosen) is not kept: the form shows the
 * connection problem and keeps the text.
 */
export function useLogApplicationOrKeep(): (planId: string, body: ApplicationBody) => Promise<LogResult> {
  const personId = useMe().data?.person.id;
  return useCallback(
    async (planId, body) => {
      try {
        await logApplication(planId, body);
        return "sent";
      } catch (error) {
        const offline = error instanceof ApiError && error.code === "NETWORK";
        if (!offline || !personId || !createApplicationBody.safeParse(body).success) throw error;
        await outbox.keep({
          kind: "application",
          id: idempotencyKeyOf("POST", applicationsPath(planId), body),
          personId,
          planId,
          keptAt: new Date().toISOString(),
          body,
        });
        return "kept";
      }
    },
    [personId],
  );
}
