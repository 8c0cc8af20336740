import { beforeAll, describe, expect, it } from "vitest";
import type { ActivityDetail, MyCheckInsResponse, TodayResponse } from "../../../common/schemas/learning.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { buildLearner, buildPerson, buildTeam } from "../../../test-support/factories.ts";
import { type CohortFixture, organisationWithCohort } from "../../../test-support/learning.ts";
import { outsiderCookie, signedIn } from "../../../test-support/sign-in.ts";
import { checkIns } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";

describe("tasks that close themselves through their tool", () => {
  const t = useTestApp();
  const call = caller(t);
  const callInDutch = caller(t, "nl");
  let setup: CohortFixture;
  let anouk: CohortFixture["learners"][number];
  let bas: CohortFixture["learners"][number];
  let manager: { cookie: string; id: string };
  let otherManager: { cookie: string };

  beforeAll(async () => {
    // Eleven days after the practice day: the check-in after it (day 7) and the feedback request (day 10)
    // are due, and the check-in before it (14 days before) is still open.
    setup = await organisationWithCohort(t, {
      learners: [{ name: "Anouk" }, { name: "Bas" }],
      daysAfter: 11,
    });
    [anouk, bas] = setup.learners as [typeof anouk, typeof bas];
    const db = t.database.db;
    const organisationId = setup.organisation.id;
    const marco = await buildPerson(db, { organisationId, roles: ["manager"], name: "Marco de Vries" });
    const petra = await buildPerson(db, { organisationId, roles: ["manager"], name: "Petra" });
    await buildTeam(db, organisationId, { managerIds: [marco.id], memberIds: [anouk.id] });
    await buildTeam(db, organisationId, { managerIds: [petra.id], memberIds: [bas.id] });
    manager = await signedIn(t, marco);
    otherManager = await signedIn(t, petra);
  });

  const todayOf = async (cookie: string) =>
    (await call("GET", "/api/me/today", cookie)).json<TodayResponse>();
  const activitiesOfType = (type: string) =>
    setup.trajectory.document.activities.filter((a) => a.type === type).map((a) => a.id!);
  const checkInTask = (n: number) => activitiesOfType("manager-check-in")[n]!;
  const checkInBefore = () => checkInTask(0);
  const checkInAfter = () => checkInTask(1);
  const listed = async (cookie: string, activityId: string) =>
    (await todayOf(cookie)).items.some((item) => item.activityId === activityId);
  const detailOf = async (cookie: string, activityId: string) =>
    (await call("GET", `/api/me/activities/${setup.cohortId}/${activityId}`, cookie)).json<ActivityDetail>();
  const recordCheckIn = (cookie: string, body: object) =>
    call("POST", "/api/team/check-ins", cookie, { cohortId: setup.cohortId, ...body });

  describe("GET /api/me/check-ins", () => {
    it("requires authentication", async () => {
      expect((await call("GET", "/api/me/check-ins", null)).statusCode).toBe(401);
    });
  });

  describe("the manager-check-in task", () => {
    it("says who holds the conversation and cannot be ticked off by the learner", async () => {
      const detail = await detailOf(anouk.cookie, checkInAfter());
      expect(detail).toMatchObject({
        status: "open",
        canMarkDone: false,
        tool: { kind: "check-in", moment: "after", managers: ["Marco de Vries"], checkIn: null },
      });
      expect((await detailOf(anouk.cookie, checkInBefore())).tool?.moment).toBe("before");
      const item = (await todayOf(anouk.cookie)).items.find((i) => i.activityId === checkInAfter());
      expect(item).toMatchObject({ tool: "check-in", href: `/learn/${setup.cohortId}/${checkInAfter()}` });
      const ticked = await callInDutch(
        "POST",
        `/api/me/activities/${setup.cohortId}/${checkInAfter()}/progress`,
        anouk.cookie,
        { status: "done" },
      );
      expect(ticked.statusCode).toBe(400);
      expect(ticked.json().errors[0]).toMatchObject({
        code: "closed_by_tool",
        message: expect.stringContaining("zodra je leidinggevende het gesprek vastlegt"),
      });
      expect(await listed(anouk.cookie, checkInAfter())).toBe(true);
    });

    it("stays open for a check-in with someone else, or one from before the cohort was planned", async () => {
      expect(
        (
          await recordCheckIn(otherManager.cookie, {
            personId: bas.id,
            kind: "after",
            agreements: "Bas: Friday",
          })
        ).statusCode,
      ).toBe(201);
      await new Tenant(t.database.db, setup.organisation.id).db.insert(checkIns).values({
        organisationId: setup.organisation.id,
        managerId: manager.id,
        personId: anouk.id,
        cohortId: null,
        kind: "before",
        agreements: "An earlier training",
        source: "screen",
        at: new Date("2020-01-06T09:00:00Z"),
      });
      expect(await listed(anouk.cookie, checkInAfter())).toBe(true);
      expect(await listed(anouk.cookie, checkInBefore())).toBe(true);
      expect(await listed(bas.cookie, checkInBefore())).toBe(true);
    });

    it("after her manager's POST /api/team/check-ins, GET /api/me/today no longer lists it", async () => {
      const before = await todayOf(anouk.cookie);
      const recorded = await recordCheckIn(manager.cookie, {
        personId: anouk.id,
        kind: "after",
        agreements: "Try the plan on Tuesday's calls; look back on Friday.",
      });
      expect(recorded.statusCode).toBe(201);
      const after = await todayOf(anouk.cookie);
      expect(after.items.map((i) => i.activityId)).not.toContain(checkInAfter());
      expect(after.doneToday).toBe(before.doneToday + 1);
      // The "after" conversation does not stand in for the one before the practice day, nor for the
      // later one about what was applied: one check-in closes one conversation.
      expect(after.items.map((i) => i.activityId)).toContain(checkInBefore());
      expect((await detailOf(anouk.cookie, checkInTask(2))).status).toBe("open");
      expect(await detailOf(anouk.cookie, checkInAfter())).toMatchObject({
        status: "done",
        tool: {
          checkIn: {
            agreements: "Try the plan on Tuesday's calls; look back on Friday.",
            managerName: "Marco de Vries",
            kind: "after",
          },
        },
      });
    });

    it("closes the conversation before the practice day with a check-in of that kind for no cohort", async () => {
      const { id } = (
        await call("POST", "/api/team/check-ins", manager.cookie, {
          personId: anouk.id,
          kind: "before",
          agreements: "Practise the first sentence.",
        })
      ).json<{ id: string }>();
      expect(await listed(anouk.cookie, checkInBefore())).toBe(false);
      // A correction by the manager (deleting a check-in recorded by mistake) reopens it.
      expect((await call("DELETE", `/api/team/check-ins/${id}`, manager.cookie)).statusCode).toBe(204);
      expect(await listed(anouk.cookie, checkInBefore())).toBe(true);
    });

    it("lists the learner's check-ins with agreements, newest first, and only hers", async () => {
      const mine = (await call("GET", "/api/me/check-ins", anouk.cookie)).json<MyCheckInsResponse>();
      expect(mine.checkIns.map((c) => [c.kind, c.agreements, c.managerName, c.cohortName])).toEqual([
        ["after", "Try the plan on Tuesday's calls; look back on Friday.", "Marco de Vries", "Service team"],
        ["before", "An earlier training", "Marco de Vries", null],
      ]);
      const his = (await call("GET", "/api/me/check-ins", bas.cookie)).json<MyCheckInsResponse>();
      expect(his.checkIns.map((c) => c.agreements)).toEqual(["Bas: Friday"]);
    });

    it("hides other organisations' check-ins", async () => {
      const outsider = await outsiderCookie(t, buildLearner);
      const theirs = (await call("GET", "/api/me/check-ins", outsider)).json<MyCheckInsResponse>();
      expect(theirs.checkIns).toEqual([]);
    });
  });

  describe("the peer-feedback task", () => {
    it("opens the request form for its cohort and closes when she sends a request", async () => {
      const feedbackTask = activitiesOfType("peer-feedback").at(-1)!;
      const item = (await todayOf(anouk.cookie)).items.find((i) => i.activityId === feedbackTask);
      expect(item).toMatchObject({ tool: "peer-feedback", href: `/feedback?cohort=${setup.cohortId}` });
      const asked = await call("POST", "/api/feedback-requests", anouk.cookie, {
        colleagueId: bas.id,
        cohortId: setup.cohortId,
        about: "How I closed Tuesday's call",
      });
      expect(asked.statusCode).toBe(201);
      expect(await listed(anouk.cookie, feedbackTask)).toBe(false);
      expect((await detailOf(anouk.cookie, feedbackTask)).status).toBe("done");
      // Being asked is not asking: Bas's own task stays.
      expect(await listed(bas.cookie, feedbackTask)).toBe(true);
    });
  });

  describe("the action-plan task", () => {
    it("opens the plan form and is done while she has an unarchived plan in the cohort", async () => {
      const planTask = activitiesOfType("action-plan")[0]!;
      expect((await detailOf(anouk.cookie, planTask)).tool).toMatchObject({
        kind: "action-plan",
        href: `/plans?cohort=${setup.cohortId}`,
      });
      expect((await detailOf(anouk.cookie, planTask)).status).toBe("open");
      const plan = await call("POST", "/api/action-plans", anouk.cookie, {
        situation: "a customer calls for the second time about a late repair",
        action: "I first say that I understand it is annoying",
        firstMoment: new Date(t.clock.now.getTime() - 3_600_000).toISOString(),
        competenceId: setup.competenceIds[0],
        cohortId: setup.cohortId,
      });
      expect(plan.statusCode, plan.body).toBe(201);
      const planId = plan.json<{ id: string }>().id;
      expect((await detailOf(anouk.cookie, planTask)).status).toBe("done");

      // The plan's moment has come: it is on Today until she logs how it went.
      expect((await todayOf(anouk.cookie)).items.map((i) => i.key)).toContain(`plan:${planId}`);
      const logged = await call("POST", `/api/action-plans/${planId}/applications`, anouk.cookie, {
        occurredAt: t.clock.now.toISOString(),
        whatHappened: "Named the frustration first.",
        outcome: "went-well",
      });
      expect(logged.statusCode, logged.body).toBe(201);
      expect((await todayOf(anouk.cookie)).items.map((i) => i.key)).not.toContain(`plan:${planId}`);

      expect(
        (await call("POST", `/api/action-plans/${planId}/archive`, anouk.cookie)).statusCode,
      ).toBeLessThan(300);
      expect((await detailOf(anouk.cookie, planTask)).status).toBe("open");
    });
  });

  describe("taking a skip back", () => {
    it("shows a skipped optional task and takes it back, twice harmlessly", async () => {
      const [optional] = (await todayOf(bas.cookie)).menu;
      const path = `/api/me/activities/${setup.cohortId}/${optional!.activityId}/progress`;
      expect((await call("POST", path, bas.cookie, { status: "skipped" })).statusCode).toBe(200);
      const skipped = await todayOf(bas.cookie);
      expect(skipped.menu.map((i) => i.activityId)).not.toContain(optional!.activityId);
      expect(skipped.skipped?.map((i) => [i.activityId, i.choice])).toEqual([
        [optional!.activityId, "skipped"],
      ]);
      for (const attempt of [1, 2]) {
        const back = await call("POST", path, bas.cookie, { status: "open" });
        expect(back.statusCode, `attempt ${attempt}`).toBe(200);
        expect(back.json<ActivityDetail>().status).toBe("open");
      }
      const restored = await todayOf(bas.cookie);
      expect(restored.menu.map((i) => i.activityId)).toContain(optional!.activityId);
      expect(restored.skipped).toEqual([]);
    });

    it("refuses to open a mandatory task as if it were optional", async () => {
      const reflection = setup.trajectory.document.activities.find((a) => a.type === "reflection")!;
      const refused = await call(
        "POST",
        `/api/me/activities/${setup.cohortId}/${reflection.id}/progress`,
        bas.cookie,
        { status: "open" },
      );
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].code).toBe("not_optional");
    });
  });
});
