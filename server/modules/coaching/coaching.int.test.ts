import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoachView, MyCoachingView } from "../../../common/schemas/coaching.ts";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { buildLearner, buildOrganisation, buildPerson } from "../../../test-support/factories.ts";
import { caller } from "../../../test-support/learning.ts";

describe("coaching: a coach sees only coachees who accepted", () => {
  let t: TestApp;
  let call: ReturnType<typeof caller>;
  let coach: string;
  let learner: string;
  let other: string;
  let learnerId: string;
  let otherId: string;

  beforeAll(async () => {
    t = await createTestApp();
    call = caller(t);
    const db = t.database.db;
    const org = await buildOrganisation(db);
    const coachRow = await buildPerson(db, {
      organisationId: org.id,
      roles: ["coach"],
      email: "coach@coaching.test",
    });
    const learnerRow = await buildLearner(db, org.id, { name: "Anouk", email: "anouk@coaching.test" });
    const otherRow = await buildLearner(db, org.id, { name: "Bas", email: "bas@coaching.test" });
    learnerId = learnerRow.id;
    otherId = otherRow.id;
    coach = await t.signIn(coachRow.email);
    learner = await t.signIn(learnerRow.email);
    other = await t.signIn(otherRow.email);
    await call("POST", "/api/action-plans", learner, {
      situation: "When the weekly planning meeting starts late again",
      action: "I propose one agenda item per person and keep time",
      firstMoment: new Date(Date.now() + 86_400_000).toISOString(),
    });
  });
  afterAll(() => t.close());

  const coachView = async () => (await call("GET", "/api/coaching", coach)).json<CoachView>();

  it("offers coaching; until the learner accepts, the coach sees a name and nothing else", async () => {
    expect((await call("POST", "/api/coaching/relations", coach, { personId: learnerId })).statusCode).toBe(
      204,
    );
    expect((await call("POST", "/api/coaching/relations", coach, { personId: otherId })).statusCode).toBe(
      204,
    );
    const before = await coachView();
    expect(before.coachees).toEqual([]);
    expect(before.invited.map((i) => i.name).sort()).toEqual(["Anouk", "Bas"]);
    expect(JSON.stringify(before)).not.toContain("weekly planning meeting");
    expect((await call("GET", "/api/coaching", learner)).statusCode).toBe(403);
  });

  it("shows the coach the plans of a coachee who accepted, never of one who declined", async () => {
    const [invitation] = (await call("GET", "/api/me/coaching", learner)).json<MyCoachingView>().invitations;
    expect(invitation).toBeDefined();
    await call("POST", `/api/coaching/relations/${invitation!.relationId}/answer`, learner, { accept: true });
    const [declined] = (await call("GET", "/api/me/coaching", other)).json<MyCoachingView>().invitations;
    await call("POST", `/api/coaching/relations/${declined!.relationId}/answer`, other, { accept: false });
    // Nobody answers for someone else.
    expect(
      (
        await call("POST", `/api/coaching/relations/${declined!.relationId}/answer`, learner, {
          accept: true,
        })
      ).statusCode,
    ).toBe(404);
    const view = await coachView();
    expect(view.coachees.map((c) => c.name)).toEqual(["Anouk"]);
    expect(view.coachees[0]!.plans[0]!.situation).toContain("weekly planning meeting");
    expect(view.invited).toEqual([expect.objectContaining({ name: "Bas", status: "declined" })]);
  });

  it("keeps session notes the coachee can read, linked to one of their plans", async () => {
    const [coachee] = (await coachView()).coachees;
    const session = await call("POST", "/api/coaching/sessions", coach, {
      relationId: coachee!.relationId,
      scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      notes: "Try it Monday; look back on Friday what helped and what got in the way.",
      planId: coachee!.plans[0]!.id,
    });
    expect(session.statusCode).toBe(201);
    const mine = (await call("GET", "/api/me/coaching", learner)).json<MyCoachingView>();
    expect(mine.coaches[0]!.sessions[0]).toMatchObject({
      notes: expect.stringContaining("look back on Friday"),
    });
    const declinedRelation = (await coachView()).invited[0]!.relationId;
    const refused = await call("POST", "/api/coaching/sessions", coach, {
      relationId: declinedRelation,
      scheduledAt: new Date().toISOString(),
      notes: "Should not be possible",
    });
    expect(refused.statusCode).toBe(404);
  });
});
