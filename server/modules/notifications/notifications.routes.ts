import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { outboxMessage } from "../../../common/schemas/me.ts";
import type { AppDeps } from "../../http/context.ts";
import { scopeOf } from "../../http/scope.ts";
import { readMailbox } from "./outbox.service.ts";

/** The development mailbox: only while no SMTP server is configured. */
export const notificationRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "mailer">> = async (app, { mailer }) => {
  app.get(
    "/api/outbox",
    {
      schema: {
        tags: ["notifications"],
        summary: "Development mailbox: mail that would have been sent",
        response: { 200: z.array(outboxMessage) },
      },
      config: { access: "signed-in" },
    },
    async (request) => readMailbox(scopeOf(request), { smtpConfigured: mailer !== null }),
  );
};
