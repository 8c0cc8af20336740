import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { CoachView, MyCoachingView } from "../../../common/schemas/coaching.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { organisationWithPeople } from "../../../test-support/sign-in.ts";
import { auditEvents } from "../../db/schema/index.ts";

describe("coaching: a coach sees only coachees who accepted", () => {
  const t = useTestApp();
  const call = caller(t);

  /** Each test its own organisation: a coach, Anouk (who has a plan) and Bas. */
  async function organisation() {
    const {
      people: { anouk, bas },
      cookies,
    } = await organisationWithPeople(t, {
      coach: { roles: ["coach"] },
      anouk: { name: "Anouk" },
      bas: { name: "Bas" },
    });
    await call("POST", "/api/action-plans", cookies.anouk, {
      situation: "When the weekly planning meeting starts late again",
      action: "I propose one agenda item per person and keep time",
      firstMoment: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const coachView = async () => (await call("GET", "/api/coaching", cookies.coach)).json<CoachView>();
    const offer = (personId: string) => call("POST", "/api/coaching/relations", cookies.coach, { personId });
    /** The learner's pending offer, answered. */
    const answer = async (cookie: string, accept: boolean) => {
      const [invitation] = (await call("GET", "/api/me/coaching", cookie)).json<MyCoachingView>().invitations;
      await call("POST", `/api/coaching/relations/${invitation!.relationId}/answer`, cookie, { accept });
      return invitation!.relationId;
    };
    return { anouk, bas, cookies, coachView, offer, answer };
  }

  it("offers coaching; until the learner accepts, the coach sees a name and nothing else", async () => {
    const { anouk, bas, cookies, coachView, offer } = await organisation();
    expect((await offer(anouk.id)).statusCode).toBe(204);
    expect((await offer(bas.id)).statusCode).toBe(204);
    const before = await coachView();
    expect(before.coachees).toEqual([]);
    expect(before.invited.map((i) => i.name).sort()).toEqual(["Anouk", "Bas"]);
    expect(JSON.stringify(before)).not.toContain("weekly planning meeting");
    expect((await call("GET", "/api/coaching", cookies.anouk)).statusCode).toBe(403);
  });

  it("shows the coach the plans of a coachee who accepted, never of one who declined", async () => {
    const { anouk, bas, cookies, coachView, offer, answer } = await organisation();
    await offer(anouk.id);
    await offer(bas.id);
    await answer(cookies.anouk, true);
    const declined = await answer(cookies.bas, false);
    // Nobody answers for someone else.
    const forSomeoneElse = await call("POST", `/api/coaching/relations/${declined}/answer`, cookies.anouk, {
      accept: true,
    });
    expect(forSomeoneElse.statusCode).toBe(404);
    const view = await coachView();
    expect(view.coachees.map((c) => c.name)).toEqual(["Anouk"]);
    expect(view.coachees[0]!.plans[0]!.situation).toContain("weekly planning meeting");
    expect(view.invited).toEqual([expect.objectContaining({ name: "Bas", status: "declined" })]);
  });

  it("keeps session notes the coachee can read, linked to one of their plans", async () => {
    const { anouk, bas, cookies, coachView, offer, answer } = await organisation();
    await offer(anouk.id);
    await offer(bas.id);
    await answer(cookies.anouk, true);
    await answer(cookies.bas, false);
    const [coachee] = (await coachView()).coachees;
    const session = await call("POST", "/api/coaching/sessions", cookies.coach, {
      relationId: coachee!.relationId,
      scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      notes: "Try it Monday; look back on Friday what helped and what got in the way.",
      planId: coachee!.plans[0]!.id,
    });
    expect(session.statusCode).toBe(201);
    const mine = (await call("GET", "/api/me/coaching", cookies.anouk)).json<MyCoachingView>();
    expect(mine.coaches[0]!.sessions[0]).toMatchObject({
      notes: expect.stringContaining("look back on Friday"),
    });
    const declinedRelation = (await coachView()).invited[0]!.relationId;
    const refused = await call("POST", "/api/coaching/sessions", cookies.coach, {
      relationId: declinedRelation,
      scheduledAt: new Date().toISOString(),
      notes: "Should not be possible",
    });
    expect(refused.statusCode).toBe(404);
  });

  it("lets the coach correct or delete a session (audited); the coachee and others cannot", async () => {
    const { anouk, cookies, coachView, offer, answer } = await organisation();
    await offer(anouk.id);
    await answer(cookies.anouk, true);
    const [coachee] = (await coachView()).coachees;
    const created = await call("POST", "/api/coaching/sessions", cookies.coach, {
      relationId: coachee!.relationId,
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      notes: "Wrong coachee's notes",
    });
    const id = created.json<{ id: string }>().id;
    for (const cookie of [cookies.anouk, cookies.bas]) {
      expect((await call("PATCH", `/api/coaching/sessions/${id}`, cookie, { notes: "x" })).statusCode).toBe(
        404,
      );
      expect((await call("DELETE", `/api/coaching/sessions/${id}`, cookie)).statusCode).toBe(404);
    }
    expect((await call("DELETE", `/api/coaching/sessions/${id}`, null)).statusCode).toBe(401);
    const edited = await call("PATCH", `/api/coaching/sessions/${id}`, cookies.coach, {
      notes: "Try it Monday",
      planId: coachee!.plans[0]!.id,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id, notes: "Try it Monday", planId: coachee!.plans[0]!.id });
    const mine = (await call("GET", "/api/me/coaching", cookies.anouk)).json<MyCoachingView>();
    expect(mine.coaches[0]!.sessions[0]!.notes).toBe("Try it Monday");
    expect((await call("DELETE", `/api/coaching/sessions/${id}`, cookies.coach)).statusCode).toBe(204);
    const after = (await call("GET", "/api/me/coaching", cookies.anouk)).json<MyCoachingView>();
    expect(after.coaches[0]!.sessions).toEqual([]);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(audit.map((a) => a.action).sort()).toEqual(["coaching-session.delete", "coaching-session.update"]);
  });
});

describe("coaching and the GDPR", () => {
  const t = useTestApp();
  const call = caller(t);

  it("puts coaching in the coachee's export, and erasing the coachee removes the coach's notes about them", async () => {
    const db = t.database.db;
    const { people } = await organisationWithPeople(t, {
      coordinator: { roles: ["coordinator", "coach"] },
      anouk: { name: "Anouk" },
    });
    const { anouk } = people;
    const [coach, learner] = [people.coordinator.cookie, anouk.cookie];
    await call("POST", "/api/coaching/relations", coach, { personId: anouk.id });
    const [invitation] = (await call("GET", "/api/me/coaching", learner)).json<MyCoachingView>().invitations;
    await call("POST", `/api/coaching/relations/${invitation!.relationId}/answer`, learner, { accept: true });
    const session = await call("POST", "/api/coaching/sessions", coach, {
      relationId: invitation!.relationId,
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      notes: "Anouk oefent het gesprek met de klant over de late levering",
    });
    expect(session.statusCode).toBe(201);
    const exported = (await call("GET", "/api/me/export", learner)).body;
    expect(exported).toContain("late levering");
    expect((await call("DELETE", `/api/people/${anouk.id}`, coach)).statusCode).toBe(204);
    const { coachingRelations, coachingSessions } = await import("../../db/schema/index.ts");
    expect(
      await db.select().from(coachingRelations).where(eq(coachingRelations.coacheeId, anouk.id)),
    ).toEqual([]);
    expect(
      await db
        .select()
        .from(coachingSessions)
        .where(eq(coachingSessions.notes, "Anouk oefent het gesprek met de klant over de late levering")),
    ).toEqual([]);
  });
});
