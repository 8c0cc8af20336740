import { z } from "zod";
import { outboxMessage } from "../../../common/schemas/me.ts";
import type { AppDeps } from "../../http/context.ts";
import { defineRoutes, route } from "../../http/route-table.ts";
import { readMailbox } from "./outbox.service.ts";

/** The development mailbox: only while no SMTP server is configured. */
export const notificationRoutes = defineRoutes(["notifications"], ({ mailer }: Pick<AppDeps, "mailer">) => [
  route.get(
    "/api/outbox",
    { summary: "Development mailbox: mail that would have been sent", response: z.array(outboxMessage) },
    (scope) => readMailbox(scope, { smtpConfigured: mailer !== null }),
  ),
]);
