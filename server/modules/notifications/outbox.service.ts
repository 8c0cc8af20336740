import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import type { Locale } from "../../../common/locales.ts";
import type { Db } from "../../db/client.ts";
import { outboxEmails } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { translator } from "../../i18n.ts";
import type { Jobs } from "../../jobs/queue.ts";
import { type EmailTemplate, renderEmail } from "./email-templates.ts";
import type { Mailer } from "./mailer.ts";
import { authorize } from "./notifications.policy.ts";
import { presentOutboxMessage } from "./notifications.presenter.ts";

const MAX_ATTEMPTS = 8;

/** Puts an email in the outbox. Call it inside the transaction of the change that causes it. */
export async function enqueueEmail(
  tenant: Tenant,
  to: string,
  locale: Locale,
  email: EmailTemplate,
): Promise<void> {
  const { subject, text } = renderEmail(locale, email);
  await tenant.db
    .insert(outboxEmails)
    .values(tenant.row({ toAddress: to, locale, template: email.template, subject, textBody: text }));
}

/** `enqueueEmail` for many messages in one statement (a sweep's batch), each in its own language. */
export async function enqueueEmails(
  tenant: Tenant,
  messages: { to: string; locale: Locale; email: EmailTemplate }[],
): Promise<void> {
  if (messages.length === 0) return;
  await tenant.db.insert(outboxEmails).values(
    messages.map(({ to, locale, email }) => {
      const { subject, text } = renderEmail(locale, email);
      return tenant.row({ toAddress: to, locale, template: email.template, subject, textBody: text });
    }),
  );
}

/**
 * Asks the worker to send the outbox now. Call it after the transaction that enqueued mail has
 * committed (before, the worker would not see the rows yet); the minutely sweep covers a lost request.
 */
export async function deliverSoon(jobs: Pick<Jobs, "send">): Promise<void> {
  await jobs.send("notifications.deliver-outbox");
}

/**
 * Sends what is pending, oldest first. Without SMTP the mail is marked `held` (readable in the dev
 * mailbox) rather than retried forever. A failed send is retried by the next sweep, up to a limit.
 */
export async function deliverOutbox(
  db: Db,
  mailer: Mailer | null,
  { batchSize = 50, clock = () => new Date() }: { batchSize?: number; clock?: () => Date } = {},
): Promise<{ sent: number; failed: number }> {
  const pending = await db
    .select()
    .from(outboxEmails)
    .where(and(inArray(outboxEmails.status, ["pending", "failed"]), lt(outboxEmails.attempts, MAX_ATTEMPTS)))
    .orderBy(asc(outboxEmails.createdAt))
    .limit(batchSize);
  let sent = 0;
  let failed = 0;
  for (const message of pending) {
    const key = and(eq(outboxEmails.organisationId, message.organisationId), eq(outboxEmails.id, message.id));
    if (!mailer) {
      await db.update(outboxEmails).set({ status: "held" }).where(key);
      continue;
    }
    try {
      await mailer.send({ to: message.toAddress, subject: message.subject, text: message.textBody });
      await db
        .update(outboxEmails)
        .set({ status: "sent", sentAt: clock(), attempts: message.attempts + 1, lastError: null })
        .where(key);
      sent++;
    } catch (error) {
      failed++;
      await db
        .update(outboxEmails)
        .set({ status: "failed", attempts: message.attempts + 1, lastError: String(error).slice(0, 500) })
        .where(key);
    }
  }
  return { sent, failed };
}

/**
 * The development mailbox: what this organisation's outbox holds, newest first. Only while no SMTP
 * server is configured: with real mail, the outbox holds other people's sign-in links.
 */
export async function readMailbox(scope: Scope, { smtpConfigured }: { smtpConfigured: boolean }) {
  const { tenant, actor, locale } = scope;
  authorize(actor, "mailbox.read");
  if (smtpConfigured) throw new AppError("NOT_FOUND", "mailbox is off when SMTP is configured");
  const messages = await tenant.selectRows(outboxEmails).orderBy(desc(outboxEmails.createdAt)).limit(100);
  const t = translator(locale);
  const hidden = { readerEmail: actor.email, signInSecret: t("ui.mailbox.signInSecretHidden") };
  return messages.map((message) => presentOutboxMessage(message, t("ui.mailbox.scanLinkHidden"), hidden));
}
