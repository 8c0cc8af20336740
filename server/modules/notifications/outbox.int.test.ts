import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caller, createTestApp, errorLogger, type TestApp } from "../../../test-support/app.ts";
import { createTestDatabase } from "../../../test-support/database.ts";
import { buildCoordinator, buildLearner, buildOrganisation } from "../../../test-support/factories.ts";
import { useSmtpPeer } from "../../../test-support/shared.ts";
import { linkIn } from "../../../test-support/smtp-peer.ts";
import type { Database } from "../../db/client.ts";
import { outboxEmails } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { jobHandlers, jobSchedules } from "../../jobs/handlers.ts";
import { type Jobs, startJobs } from "../../jobs/queue.ts";
import { createMailer } from "./mailer.ts";
import { deliverOutbox, enqueueEmail } from "./outbox.service.ts";

describe("email outbox", () => {
  const peer = useSmtpPeer();
  let database: Database;
  let organisationId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    organisationId = (await buildOrganisation(database.db)).id;
  });
  afterAll(() => database.close());

  it("delivers pending mail to a real SMTP server and marks it sent", async () => {
    const tenant = new Tenant(database.db, organisationId);
    await enqueueEmail(tenant, "ontvanger@example.test", "nl", {
      template: "password-reset",
      params: { name: "Ontvanger", link: "http://localhost:3000/reset-password#token=abc" },
    });
    const result = await deliverOutbox(database.db, createMailer(peer.url, "Beklijf <noreply@example.test>"));
    expect(result).toEqual({ sent: 1, failed: 0 });
    const mail = await peer.waitFor((m) => m.to.includes("ontvanger@example.test"));
    expect(mail.subject).toBe("Kies een nieuw wachtwoord voor Beklijf");
    expect(mail.text).toContain("Hallo Ontvanger");
    const [row] = await database.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, "ontvanger@example.test"));
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("keeps mail and retries later when the SMTP server is down; nothing acknowledged is lost", async () => {
    const tenant = new Tenant(database.db, organisationId);
    await enqueueEmail(tenant, "later@example.test", "en", {
      template: "password-reset",
      params: { name: "Later", link: "http://localhost:3000/reset-password#token=def" },
    });
    const down = await deliverOutbox(database.db, createMailer("smtp://127.0.0.1:9", "x@example.test"));
    expect(down.failed).toBe(1);
    const [failed] = await database.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, "later@example.test"));
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    await deliverOutbox(database.db, createMailer(peer.url, "x@example.test"));
    await peer.waitFor((m) => m.to.includes("later@example.test"));
  });

  it("holds mail for the development mailbox when no SMTP server is configured", async () => {
    const tenant = new Tenant(database.db, organisationId);
    await enqueueEmail(tenant, "held@example.test", "en", {
      template: "password-reset",
      params: { name: "H", link: "x" },
    });
    await deliverOutbox(database.db, null);
    const [row] = await database.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, "held@example.test"));
    expect(row!.status).toBe("held");
  });
});

describe("invitation email through the job queue (pg-boss) to an SMTP peer", () => {
  const peer = useSmtpPeer();
  let t: TestApp;
  let jobs: Jobs;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const mailer = createMailer(peer.url, "Beklijf <noreply@example.test>");
    jobs = await startJobs(database, {
      work: true,
      handlers: jobHandlers(database.db, mailer, "http://localhost:3000"),
      schedules: jobSchedules,
      logger: errorLogger(),
    });
    t = await createTestApp({ database, jobs, mailer });
    const org = await buildOrganisation(database.db, { name: "Zeta Zonnepanelen" });
    await buildCoordinator(database.db, org.id, { email: "coord@zeta.test" });
    await buildLearner(database.db, org.id, { email: "ignored@zeta.test" });
  });
  afterAll(async () => {
    await t.close();
    await jobs.stop();
    await t.database.close();
  });

  it("sends the invitation soon after a person is added, and its link opens the invitation", async () => {
    const cookie = await t.signIn("coord@zeta.test");
    const created = await caller(t)("POST", "/api/people", cookie, {
      name: "Invited Ivy",
      email: "ivy@zeta.test",
      locale: "en",
    });
    expect(created.statusCode).toBe(201);
    const mail = await peer.waitFor((m) => m.to.includes("ivy@zeta.test"), 20_000);
    expect(mail.subject).toContain("invites you to Beklijf");
    const token = new URL(linkIn(mail)).hash.replace("#token=", "");
    const info = await t.app.inject({
      method: "POST",
      url: "/api/auth/invitations/lookup",
      payload: { token: token },
    });
    expect(info.json()).toMatchObject({ name: "Invited Ivy", organisationName: "Zeta Zonnepanelen" });
  });
});
