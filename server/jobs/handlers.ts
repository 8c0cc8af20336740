import type { Db } from "../db/client.ts";
import type { Mailer } from "../modules/notifications/mailer.ts";
import { deliverOutbox } from "../modules/notifications/outbox.service.ts";
import type { JobHandler, JobName } from "./queue.ts";

/** The map from job name to module function. Business logic lives in the modules, not here. */
export function jobHandlers(db: Db, mailer: Mailer | null): Record<JobName, JobHandler> {
  return {
    "notifications.deliver-outbox": async () => {
      await deliverOutbox(db, mailer);
    },
  };
}

/** The sweeps that catch work a crash or a missed `send` left behind. */
export const jobSchedules: Partial<Record<JobName, string>> = {
  "notifications.deliver-outbox": "* * * * *",
};
