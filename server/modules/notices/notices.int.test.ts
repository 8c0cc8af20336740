import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { NoticesView } from "../../../common/schemas/notices.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { buildCoordinator, buildPerson, buildTeam } from "../../../test-support/factories.ts";
import { type CohortFixture, organisationWithCohort } from "../../../test-support/learning.ts";
import { outsiderCookie } from "../../../test-support/sign-in.ts";
import { notices, outboxEmails } from "../../db/schema/index.ts";

/**
 * One organisation (English by default) with a Dutch-speaking learner Lena in a cohort, her manager Max
 * (English), a colleague Kees and a coach Carla. Each test makes its own events and reads the notices
 * they made, so the tests can run alone.
 */
describe("notices", () => {
  const t = useTestApp();
  const call = caller(t);
  let setup: CohortFixture;
  let lena: string;
  let lenaId: string;
  let kees: string;
  let max: string;
  let maxId: string;
  let carla: string;

  beforeAll(async () => {
    const db = t.database.db;
    setup = await organisationWithCohort(t, {
      organisation: { name: "Notice Service", defaultLocale: "en" },
      learners: [
        { email: "lena@notices.test", name: "Lena", locale: "nl" },
        { email: "kees@notices.test", name: "Kees" },
      ],
    });
    const organisationId = setup.organisation.id;
    lena = setup.learners[0]!.cookie;
    lenaId = setup.learners[0]!.id;
    kees = setup.learners[1]!.cookie;
    const manager = await buildPerson(db, {
      organisationId,
      roles: ["manager"],
      email: "max@notices.test",
      name: "Max",
    });
    maxId = manager.id;
    await buildTeam(db, organisationId, { managerIds: [manager.id], memberIds: [lenaId] });
    max = await t.signIn(manager.email);
    const coach = await buildPerson(db, {
      organisationId,
      roles: ["coach", "learner"],
      email: "carla@notices.test",
      name: "Carla",
    });
    carla = await t.signIn(coach.email);
  });

  const noticesOf = async (cookie: string, language = "en") => {
    const response = await call("GET", "/api/me/notices", cookie, undefined, language);
    expect(response.statusCode).toBe(200);
    return response.json<NoticesView>();
  };
  const mailTo = (address: string) =>
    t.database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, address));

  let planId: string | undefined;
  /** Lena logs a went-well application on her plan (made the first time): its id. */
  async function applied(what: string): Promise<string> {
    if (!planId) {
      const plan = await call("POST", "/api/action-plans", lena, {
        situation: "When a customer calls about a late repair",
        action: "I first name the frustration",
        firstMoment: t.clock.now.toISOString(),
        cohortId: setup.cohortId,
        competenceId: setup.competenceIds[0],
      });
      expect(plan.statusCode).toBe(201);
      planId = plan.json<{ id: string }>().id;
    }
    const logged = await call("POST", `/api/action-plans/${planId}/applications`, lena, {
      occurredAt: t.clock.now.toISOString(),
      whatHappened: what,
      outcome: "went-well",
    });
    expect(logged.statusCode).toBe(201);
    return logged.json<{ id: string }>().id;
  }

  it("requires authentication", async () => {
    expect((await call("GET", "/api/me/notices", null)).statusCode).toBe(401);
    expect((await call("POST", "/api/me/notices/read", null)).statusCode).toBe(401);
  });

  it("hides other organisations' notices", async () => {
    await applied("a noisy fridge");
    const outsider = await outsiderCookie(t);
    expect(await noticesOf(outsider)).toEqual({ unread: 0, notices: [] });
    const [lenas] = await t.database.db.select().from(notices).where(eq(notices.personId, lenaId));
    if (lenas) {
      const read = await call("POST", `/api/me/notices/${lenas.id}/read`, outsider);
      expect(read.statusCode).toBe(404);
    }
  });

  it("tells the manager an application waits, in the app only (the event's email is the existing one)", async () => {
    const before = (await mailTo("max@notices.test")).length;
    await applied("a late repair");
    const mine = await noticesOf(max);
    expect(mine.notices[0]).toMatchObject({
      kind: "application-waiting",
      href: "/team",
      text: "Lena applied a plan at work. Did you see it happen? Confirm it on your team page.",
      readAt: null,
    });
    // One email for the event: the application-logged one, no second for the notice.
    expect((await mailTo("max@notices.test")).length).toBe(before + 1);
  });

  it("tells the learner her manager confirmed, once, in her language, with one email", async () => {
    const applicationId = await applied("a broken boiler");
    const url = `/api/applications/${applicationId}/confirmations`;
    expect((await call("POST", url, max)).statusCode).toBe(200);
    expect((await call("POST", url, max)).statusCode).toBe(200);
    // Done is read: the manager's "waiting" notice for it no longer counts as unread.
    const [waiting] = await t.database.db
      .select()
      .from(notices)
      .where(eq(notices.dedupeKey, `application-waiting:${applicationId}`));
    expect(waiting!.readAt).not.toBeNull();
    const rows = await t.database.db
      .select()
      .from(notices)
      .where(eq(notices.dedupeKey, `application-confirmed:${applicationId}`));
    expect(rows).toHaveLength(1);
    const dutch = await noticesOf(lena, "nl");
    expect(dutch.notices).toContainEqual(
      expect.objectContaining({
        kind: "application-confirmed",
        href: "/plans",
        text: "Max heeft bevestigd dat je je plan op het werk hebt toegepast.",
      }),
    );
    // Read in English, the same notice is English: the kind is stored, not a sentence.
    expect((await noticesOf(lena, "en")).notices).toContainEqual(
      expect.objectContaining({ text: "Max confirmed that you applied your plan at work." }),
    );
    const mail = (await mailTo("lena@notices.test")).filter((m) => m.template === "notice");
    const confirmations = mail.filter((m) => m.subject.startsWith("Max heeft bevestigd"));
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.locale).toBe("nl");
    expect(confirmations[0]!.textBody).toContain("/plans");
  });

  it("marks a notice read for its owner only, again harmlessly, and all at once", async () => {
    await applied("a lost parcel");
    const { notices: maxs, unread } = await noticesOf(max);
    const first = maxs[0]!;
    expect(unread).toBeGreaterThan(0);
    // Another person's notice does not exist to them.
    expect((await call("POST", `/api/me/notices/${first.id}/read`, lena)).statusCode).toBe(404);
    expect((await call("POST", `/api/me/notices/${crypto.randomUUID()}/read`, max)).statusCode).toBe(404);
    expect((await call("POST", `/api/me/notices/${first.id}/read`, max)).statusCode).toBe(204);
    const once = (await noticesOf(max)).notices.find((n) => n.id === first.id)!;
    expect(once.readAt).not.toBeNull();
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    expect((await call("POST", `/api/me/notices/${first.id}/read`, max)).statusCode).toBe(204);
    expect((await noticesOf(max)).notices.find((n) => n.id === first.id)!.readAt).toBe(once.readAt);
    expect((await noticesOf(max)).unread).toBe(unread - 1);
    expect((await call("POST", "/api/me/notices/read", max)).statusCode).toBe(204);
    expect((await noticesOf(max)).unread).toBe(0);
  });

  it("sends no email to someone who turned notice emails off", async () => {
    const off = await call("PATCH", "/api/me/learning-preferences", kees, { noticeEmails: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ noticeEmails: false });
    const asked = await call("POST", "/api/feedback-requests", kees, {
      colleagueId: lenaId,
      cohortId: setup.cohortId,
      about: "My talk with the customer about the invoice",
    });
    expect(asked.statusCode).toBe(201);
    const requestId = asked.json<{ id: string }>().id;
    const answer = { wentWell: "You stayed calm", tryNext: "Name the next step" };
    expect((await call("POST", `/api/feedback-requests/${requestId}/answer`, lena, answer)).statusCode).toBe(
      204,
    );
    expect((await noticesOf(kees)).notices[0]).toMatchObject({
      kind: "feedback-answered",
      href: "/feedback",
      text: "Lena answered your request for feedback.",
    });
    expect((await mailTo("kees@notices.test")).filter((m) => m.template === "notice")).toEqual([]);
  });

  it("tells the learner about coaching offered and a session note, once each", async () => {
    const offer = { personId: lenaId };
    expect((await call("POST", "/api/coaching/relations", carla, offer)).statusCode).toBe(204);
    expect((await call("POST", "/api/coaching/relations", carla, offer)).statusCode).toBe(204);
    const offered = (await noticesOf(lena)).notices.filter((n) => n.kind === "coaching-offered");
    expect(offered).toEqual([
      expect.objectContaining({
        href: "/coaching",
        text: "Carla offered you coaching. You decide whether to accept.",
      }),
    ]);
    const [relation] = (await call("GET", "/api/me/coaching", lena)).json<{
      invitations: { relationId: string }[];
    }>().invitations;
    await call("POST", `/api/coaching/relations/${relation!.relationId}/answer`, lena, { accept: true });
    const session = await call("POST", "/api/coaching/sessions", carla, {
      relationId: relation!.relationId,
      scheduledAt: t.clock.now.toISOString(),
      notes: "We practised the opening sentence.",
    });
    expect(session.statusCode).toBe(201);
    expect((await noticesOf(lena, "nl")).notices).toContainEqual(
      expect.objectContaining({
        kind: "coaching-note",
        text: "Carla heeft notities gezet bij een coachgesprek met jou.",
      }),
    );
  });

  it("tells the learner her manager recorded a check-in with agreements", async () => {
    const recorded = await call("POST", "/api/team/check-ins", max, {
      personId: lenaId,
      cohortId: setup.cohortId,
      kind: "after",
      agreements: "Try the plan on Tuesday's calls",
    });
    expect(recorded.statusCode).toBe(201);
    const notice = (await noticesOf(lena)).notices.find((n) => n.kind === "check-in-recorded");
    expect(notice).toMatchObject({
      href: "/plans#check-ins",
      text: "Max recorded your check-in, with the agreements you made.",
    });
  });

  it("tells the manager a check-in is due once a cohort with his person is planned", async () => {
    const practiceDay = "2099-03-05";
    const planned = await call("POST", "/api/cohorts", setup.designer.cookie, {
      trajectoryId: setup.trajectory.id,
      name: "Spring group",
      sessionDates: [practiceDay],
      personIds: [lenaId],
    });
    expect(planned.statusCode).toBe(201);
    const due = (await noticesOf(max)).notices.filter((n) => n.kind === "check-in-due");
    expect(due).toEqual([
      expect.objectContaining({
        href: "/team",
        text: "The practice day of Lena is on 5 March. Plan a short check-in beforehand.",
      }),
    ]);
  });

  it("tells the learner she earned a badge, once", async () => {
    const badge = {
      competenceId: setup.competenceIds[0],
      name: "Calm under pressure",
      description: "Calms an upset customer.",
      criteria: "Two confirmed applications.",
      requiresProof: false,
      minConfirmedApplications: 2,
    };
    const url = `/api/trajectories/${setup.trajectory.id}/achievements`;
    expect((await call("POST", url, setup.designer.cookie, badge)).statusCode).toBe(201);
    for (const what of ["a cold radiator", "a leaking tap", "a jammed door"]) {
      const applicationId = await applied(what);
      expect((await call("POST", `/api/applications/${applicationId}/confirmations`, max)).statusCode).toBe(
        200,
      );
    }
    const awards = (await noticesOf(lena, "nl")).notices.filter((n) => n.kind === "badge-awarded");
    expect(awards).toEqual([
      expect.objectContaining({ href: "/passport", text: 'Je hebt de badge "Calm under pressure" behaald.' }),
    ]);
  });

  it("keeps the other person's name out once they are erased, and the erased person's notices go", async () => {
    const db = t.database.db;
    const coordinator = await buildCoordinator(db, setup.organisation.id, { email: "coord@notices.test" });
    const gone = await buildPerson(db, {
      organisationId: setup.organisation.id,
      roles: ["learner", "coach"],
      email: "gone@notices.test",
      name: "Gone",
    });
    await buildTeam(db, setup.organisation.id, { managerIds: [maxId], memberIds: [gone.id] });
    const goneCookie = await t.signIn(gone.email);
    expect(
      (
        await call("POST", "/api/team/check-ins", max, {
          personId: gone.id,
          kind: "before",
          agreements: "Call back",
        })
      ).statusCode,
    ).toBe(201);
    expect((await call("POST", "/api/coaching/relations", goneCookie, { personId: lenaId })).statusCode).toBe(
      204,
    );
    const exported = await call("GET", "/api/me/export", goneCookie);
    expect(exported.statusCode).toBe(200);
    expect(exported.json().notices).toEqual([
      expect.objectContaining({
        kind: "check-in-recorded",
        text: "Max recorded your check-in, with the agreements you made.",
      }),
    ]);
    const erased = await call("DELETE", `/api/people/${gone.id}`, await t.signIn(coordinator.email));
    expect(erased.statusCode).toBe(204);
    expect(await db.select().from(notices).where(eq(notices.personId, gone.id))).toEqual([]);
    const texts = (await noticesOf(lena)).notices.map((n) => n.text);
    expect(texts).toContain("Someone offered you coaching. You decide whether to accept.");
    expect(texts.join(" ")).not.toContain("Gone");
  });
});
