import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { outboxMessage } from "../../../common/schemas/me.ts";
import { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import type { AppDeps } from "../../http/context.ts";
import { requireActor } from "../../http/request-context.ts";
import { translator } from "../../i18n.ts";
import { authorize } from "./notifications.policy.ts";
import { findOutboxMessages } from "./outbox.service.ts";
import { presentOutboxMessage } from "./notifications.presenter.ts";

/**
 * The development mailbox: only while no SMTP server is configured. With real mail, the outbox holds
 * other people's sign-in links, which a coordinator must not read.
 */
export const notificationRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "database" | "mailer">> = async (
  app,
  { database, mailer },
) => {
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
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "mailbox.read");
      if (mailer) throw new AppError("NOT_FOUND", "mailbox is off when SMTP is configured");
      const messages = await findOutboxMessages(new Tenant(database.db, actor.organisationId));
      const hiddenScanLink = translator(request.locale)("ui.mailbox.scanLinkHidden");
      return messages.map((message) => presentOutboxMessage(message, hiddenScanLink));
    },
  );
};
