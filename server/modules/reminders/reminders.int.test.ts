import { beforeAll, describe, expect, it } from "vitest";
import { caller, TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import { nextMondayMorning } from "../../../test-support/clock.ts";
import { organisationWithCohort, scenario } from "../../../test-support/learning.ts";
import { useSmtpPeer } from "../../../test-support/shared.ts";
import { createMailer } from "../notifications/index.ts";
import { deliverOutbox } from "../notifications/index.ts";
import { isNudgeMoment, sendNudges } from "./nudges.service.ts";

describe("reminders: nudge emails and the calendar feed", () => {
  const t = useTestApp();
  const peer = useSmtpPeer();
  const call = caller(t);
  const callInDutch = caller(t, "nl");
  let learner: string;
  let learnerEmail: string;
  let learnerId: string;
  let coordinator: string;

  beforeAll(async () => {
    const setup = await organisationWithCohort(t, {
      organisation: { defaultLocale: "nl" },
      learners: [{ name: "Sanne Smit" }],
      questions: ([first]) => [scenario(first!)],
      moveClock: nextMondayMorning,
    });
    ({ cookie: learner, email: learnerEmail, id: learnerId } = setup.learners[0]!);
    coordinator = setup.designer.cookie;
  });

  const deliver = () =>
    deliverOutbox(t.database.db, createMailer(peer.url, "Beklijf <noreply@example.test>"));

  it("knows which mornings are nudge mornings", () => {
    const monday = new Date("2027-03-01T07:30:00Z");
    expect(isNudgeMoment("twice-weekly", "Europe/Amsterdam", monday)).toBe(true);
    expect(isNudgeMoment("twice-weekly", "Europe/Amsterdam", new Date("2027-03-02T07:30:00Z"))).toBe(false);
    expect(isNudgeMoment("daily", "Europe/Amsterdam", new Date("2027-03-01T05:30:00Z"))).toBe(false);
    expect(isNudgeMoment("off", "Europe/Amsterdam", monday)).toBe(false);
  });

  it("emails a learner with open work once, in their language, with a link straight to the task", async () => {
    expect(await sendNudges(t.database.db, TEST_ORIGIN, t.clock.now)).toBe(1);
    expect(await deliver()).toMatchObject({ sent: 1 });
    const mail = await peer.waitFor((m) => m.to.includes(learnerEmail));
    expect(mail.subject).toMatch(/^Je \d+ minuten leren voor vandaag$/);
    expect(mail.text).toContain("Hallo Sanne Smit");
    expect(mail.text).toMatch(new RegExp(`${TEST_ORIGIN}/learn/[0-9a-f-]+/[0-9a-f-]+`));
    expect(mail.text).toContain(`${TEST_ORIGIN}/profile#reminders`);
    expect(await sendNudges(t.database.db, TEST_ORIGIN, new Date(t.clock.now.getTime() + 3_600_000))).toBe(0);
  });

  it("sends nothing once the learner stops nudges or pauses", async () => {
    const off = await call("PATCH", "/api/me/learning-preferences", learner, { nudgeFrequency: "off" });
    expect(off.json()).toMatchObject({ nudgeFrequency: "off" });
    const nextWeek = new Date(t.clock.now.getTime() + 7 * 86_400_000);
    expect(await sendNudges(t.database.db, TEST_ORIGIN, nextWeek)).toBe(0);
    await call("PATCH", "/api/me/learning-preferences", learner, {
      nudgeFrequency: "daily",
      pausedUntil: new Date(nextWeek.getTime() + 86_400_000).toISOString().slice(0, 10),
    });
    expect(await sendNudges(t.database.db, TEST_ORIGIN, nextWeek)).toBe(0);
    const bad = await callInDutch("PATCH", "/api/me/learning-preferences", learner, {
      nudgeFrequency: "hourly",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toBe("Kies een van de opties bij Herinneringen.");
  });

  it("refuses a pause that ends in the past, naming the field, for the learner and the coordinator", async () => {
    const before = (await call("GET", "/api/me/learning-preferences", learner)).json<{
      pausedUntil: string | null;
    }>();
    const own = await callInDutch("PATCH", "/api/me/learning-preferences", learner, {
      pausedUntil: "2020-01-01",
    });
    expect(own.statusCode).toBe(400);
    expect(own.json().errors[0]).toMatchObject({ field: "pausedUntil", code: "date_in_past" });
    expect(own.json().errors[0].message).toContain("Pauze tot");
    expect((await call("GET", "/api/me/learning-preferences", learner)).json()).toMatchObject(before);
    const byCoordinator = await call("PUT", `/api/people/${learnerId}/learning-pause`, coordinator, {
      pausedUntil: "2020-01-01",
    });
    expect(byCoordinator.statusCode).toBe(400);
    expect(byCoordinator.json().errors[0]).toMatchObject({ field: "pausedUntil", code: "date_in_past" });
    expect(byCoordinator.json().errors[0].message).toContain("Pause until");
    const later = new Date(t.clock.now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (await call("PUT", `/api/people/${learnerId}/learning-pause`, coordinator, { pausedUntil: later }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call("PUT", `/api/people/${learnerId}/learning-pause`, coordinator, { pausedUntil: null }))
        .statusCode,
    ).toBe(200);
  });

  it("serves a private calendar feed that can be revoked", async () => {
    const { url } = (await call("GET", "/api/me/calendar-feed", learner)).json<{ url: string }>();
    expect(url).toMatch(new RegExp(`^${TEST_ORIGIN}/api/calendar-feeds/[A-Za-z0-9_-]+\\.ics$`));
    expect((await call("GET", "/api/me/calendar-feed", learner)).json()).toEqual({ url });
    const path = url.slice(TEST_ORIGIN.length);
    const feed = await t.app.inject({ method: "GET", url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toContain("text/calendar");
    expect(feed.body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(feed.body).toContain("BEGIN:VEVENT");
    expect(feed.body).toMatch(/DTSTART;VALUE=DATE:\d{8}/);
    // RFC 5546: a published event names its organiser; MAIL_FROM's address, the organisation's name.
    expect(feed.body).toMatch(/\r\nORGANIZER;CN="Org [^"\r\n]+":mailto:noreply@beklijf\.local\r\n/);
    expect(feed.body.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect((await call("DELETE", "/api/me/calendar-feed", learner)).statusCode).toBe(204);
    expect((await t.app.inject({ method: "GET", url: path })).statusCode).toBe(404);
    const renewed = (await call("GET", "/api/me/calendar-feed", learner)).json<{ url: string }>();
    expect(renewed.url).not.toBe(url);
  });
});
