import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { nextMondayMorning } from "../../../test-support/clock.ts";
import { buildPerson, buildTeam } from "../../../test-support/factories.ts";
import { organisationWithCohort } from "../../../test-support/learning.ts";
import { useSmtpPeer } from "../../../test-support/shared.ts";
import { applicationConfirmations, checkIns, persons } from "../../db/schema/index.ts";
import { createMailer } from "../notifications/index.ts";
import { deliverOutbox } from "../notifications/index.ts";
import { sendDigests } from "./digest.service.ts";
import { signingKey, signLink } from "./signed-links.ts";

describe("the manager's weekly digest with one-click links", () => {
  const t = useTestApp();
  const peer = useSmtpPeer();
  const call = caller(t);
  let links: { talked: string; sawIt: string };
  let ids: { organisationId: string; managerId: string; learnerId: string };

  beforeAll(async () => {
    const db = t.database.db;
    const { organisation, learners, cohortId } = await organisationWithCohort(t, {
      organisation: { defaultLocale: "en" },
      learners: [{ name: "Lotte Learner", email: "lotte@digest.test" }],
    });
    const learner = learners[0]!;
    const manager = await buildPerson(db, {
      organisationId: organisation.id,
      roles: ["manager"],
      name: "Mia Manager",
      email: "mia@digest.test",
    });
    await buildPerson(db, { organisationId: organisation.id, roles: ["manager"], email: "idle@digest.test" });
    await buildTeam(db, organisation.id, { managerIds: [manager.id], memberIds: [learner.id] });
    ids = { organisationId: organisation.id, managerId: manager.id, learnerId: learner.id };
    const plan = await call("POST", "/api/action-plans", learner.cookie, {
      situation: "When a customer calls about a late repair",
      action: "I first name the frustration",
      firstMoment: t.clock.now.toISOString(),
      cohortId,
    });
    await call("POST", `/api/action-plans/${plan.json<{ id: string }>().id}/applications`, learner.cookie, {
      occurredAt: t.clock.now.toISOString(),
      whatHappened: "It worked",
      outcome: "went-well",
    });
    t.clock.now = nextMondayMorning(t.clock.now);
  });

  it("emails each manager with a team in training once on Monday, with a question and signed links", async () => {
    expect(await sendDigests(t.database.db, "http://localhost:3000", t.clock.now)).toBe(1);
    expect(
      await sendDigests(t.database.db, "http://localhost:3000", new Date(t.clock.now.getTime() + 3_600_000)),
    ).toBe(0);
    await deliverOutbox(t.database.db, createMailer(peer.url, "Beklijf <noreply@example.test>"));
    const mail = await peer.waitFor(
      (m) => m.to.includes("mia@digest.test") && m.subject === "This week with your team: what needs you",
    );
    expect(mail.text).toContain(
      'Lotte Learner:\n  - applied "When a customer calls about a late repair" on ',
    );
    const talked = /We talked: (\S+)/.exec(mail.text)![1]!;
    const sawIt = /I saw it applied: (\S+)/.exec(mail.text)![1]!;
    links = { talked: talked.split("#token=")[1]!, sawIt: sawIt.split("#token=")[1]! };
    expect(peer.messages.some((m) => m.to.includes("idle@digest.test"))).toBe(false);
  });

  it("records 'we talked' and confirms the application without signing in", async () => {
    const talked = await call("POST", "/api/digest-actions", null, { token: links.talked });
    expect(talked.json()).toEqual({ done: "talked", learner: "Lotte Learner", alreadyRecorded: false });
    expect(await t.database.db.select().from(checkIns).where(eq(checkIns.source, "email-link"))).toHaveLength(
      1,
    );
    const confirmed = await call("POST", "/api/digest-actions", null, { token: links.sawIt });
    expect(confirmed.json()).toEqual({ done: "confirmed", learner: "Lotte Learner", alreadyRecorded: false });
    expect(await t.database.db.select().from(applicationConfirmations)).toHaveLength(1);
  });

  it("acts once per link: a second click or a replay says it was already recorded and adds nothing", async () => {
    const replays = await Promise.all(
      [1, 2, 3].map(() => call("POST", "/api/digest-actions", null, { token: links.talked })),
    );
    for (const replay of replays) {
      expect(replay.statusCode).toBe(200);
      expect(replay.json()).toEqual({ done: "talked", learner: "Lotte Learner", alreadyRecorded: true });
    }
    expect(await t.database.db.select().from(checkIns).where(eq(checkIns.source, "email-link"))).toHaveLength(
      1,
    );
    const again = await call("POST", "/api/digest-actions", null, { token: links.sawIt });
    expect(again.json()).toMatchObject({ done: "confirmed", alreadyRecorded: true });
    expect(await t.database.db.select().from(applicationConfirmations)).toHaveLength(1);
  });

  it("refuses the links of a manager who has been deactivated", async () => {
    const fresh = signLink(await signingKey(t.database.db), {
      o: ids.organisationId,
      m: ids.managerId,
      p: ids.learnerId,
      a: "talked",
      e: Math.floor(t.clock.now.getTime() / 1000) + 86_400,
    });
    await t.database.db.update(persons).set({ status: "deactivated" }).where(eq(persons.id, ids.managerId));
    try {
      const refused = await call("POST", "/api/digest-actions", null, { token: fresh });
      expect(refused.statusCode).toBe(410);
      expect(refused.json().code).toBe("TOKEN_INVALID");
      expect(await t.database.db.select().from(checkIns)).toHaveLength(1);
    } finally {
      await t.database.db.update(persons).set({ status: "active" }).where(eq(persons.id, ids.managerId));
    }
  });

  it("refuses a changed or expired link with a clear message, and does nothing", async () => {
    const [body, signature] = links.talked.split(".");
    const payload = JSON.parse(Buffer.from(body!, "base64url").toString()) as { a: string };
    const changed = `${Buffer.from(JSON.stringify({ ...payload, a: "confirm" })).toString("base64url")}.${signature}`;
    const forged = await call("POST", "/api/digest-actions", null, { token: changed }, "nl");
    expect(forged.statusCode).toBe(410);
    expect(forged.json().code).toBe("TOKEN_INVALID");
    t.clock.now = new Date(t.clock.now.getTime() + 15 * 86_400_000);
    const late = await call("POST", "/api/digest-actions", null, { token: links.talked });
    expect(late.statusCode).toBe(410);
    expect(await t.database.db.select().from(checkIns)).toHaveLength(1);
  });
});
