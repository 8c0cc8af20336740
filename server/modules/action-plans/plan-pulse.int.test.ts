import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caller, TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import { buildLearner, buildPerson, buildTeam } from "../../../test-support/factories.ts";
import { type CohortFixture, organisationWithCohort } from "../../../test-support/learning.ts";
import { outsiderCookie } from "../../../test-support/sign-in.ts";
import type { PlanView, PulseView, TeamView } from "../../../common/schemas/action-plans.ts";
import { addDays } from "../../../common/dates.ts";
import { auditEvents, planPulses } from "../../db/schema/index.ts";
import { weekStart } from "./pulse-week.ts";

describe("the weekly plan pulse: GET /api/me/plan-pulse, PUT /api/me/plans/{id}/pulse", () => {
  const t = useTestApp();
  const call = caller(t);
  let setup: CohortFixture;
  let learner: string;
  let colleague: string;
  let manager: string;
  let planId: string;
  let coordinator: string;

  const pulseOf = async (cookie = learner) => {
    const response = await call("GET", "/api/me/plan-pulse", cookie);
    expect(response.statusCode).toBe(200);
    return response.json<PulseView>();
  };
  const rate = (rating: string, cookie = learner, id = planId, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: "PUT",
      url: `/api/me/plans/${id}/pulse`,
      headers: { origin: TEST_ORIGIN, "accept-language": "en", cookie, ...headers },
      payload: { rating },
    });
  const storedPulses = () => t.database.db.select().from(planPulses).where(eq(planPulses.planId, planId));
  /** The learner's date in Amsterdam (the factories' time zone) as the server sees it now. */
  const learnerToday = () =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(t.clock.now);

  beforeAll(async () => {
    const db = t.database.db;
    setup = await organisationWithCohort(t, {
      learners: [{ email: "sanne@pulse.test" }, { email: "ruben@pulse.test" }],
    });
    learner = setup.learners[0]!.cookie;
    colleague = setup.learners[1]!.cookie;
    coordinator = setup.designer.cookie;
    const boss = await buildPerson(db, {
      organisationId: setup.organisation.id,
      roles: ["manager"],
      email: "boss@pulse.test",
    });
    await buildTeam(db, setup.organisation.id, { managerIds: [boss.id], memberIds: [setup.learners[0]!.id] });
    manager = await t.signIn(boss.email);
    const plan = await call("POST", "/api/action-plans", learner, {
      situation: "When a customer calls for the second time about a late repair",
      action: "I first say that I understand the frustration",
      firstMoment: addDays(t.clock.now.toISOString().slice(0, 10), 3) + "T09:00:00Z",
      cohortId: setup.cohortId,
    });
    expect(plan.statusCode).toBe(201);
    planId = plan.json<{ id: string }>().id;
  });

  it("requires authentication", async () => {
    expect((await call("GET", "/api/me/plan-pulse", null)).statusCode).toBe(401);
    expect((await call("PUT", `/api/me/plans/${planId}/pulse`, null, { rating: "did-it" })).statusCode).toBe(
      401,
    );
    expect(await storedPulses()).toEqual([]);
  });

  it("lists each open plan for the learner's week, not yet rated", async () => {
    expect(await pulseOf()).toEqual({
      week: weekStart(learnerToday()),
      given: false,
      plans: [
        {
          planId,
          situation: "When a customer calls for the second time about a late repair",
          action: "I first say that I understand the frustration",
          rating: null,
          answeredAt: null,
        },
      ],
    });
  });

  it("asks on Today from the day after the plan was written, until the pulse is given", async () => {
    const kinds = async () =>
      (await call("GET", "/api/me/today", learner)).json<{ items: { kind: string; href: string }[] }>().items;
    expect((await kinds()).map((i) => i.kind)).not.toContain("pulse");
    t.clock.now = new Date(t.clock.now.getTime() + 86_400_000);
    expect(await kinds()).toContainEqual(expect.objectContaining({ kind: "pulse", href: "/plans#pulse" }));
  });

  it("keeps one record however often the same tap arrives, also at once and with a repeated key", async () => {
    const first = await rate("did-it");
    expect(first.statusCode).toBe(200);
    expect(first.json<PulseView>()).toMatchObject({ given: true, plans: [{ planId, rating: "did-it" }] });
    await Promise.all([rate("did-it"), rate("did-it")]);
    const key = { "idempotency-key": "pulse-double-tap" };
    await rate("did-it", learner, planId, key);
    await rate("did-it", learner, planId, key);
    expect(await storedPulses()).toEqual([
      expect.objectContaining({ week: weekStart(learnerToday()), rating: "did-it" }),
    ]);
    const today = (await call("GET", "/api/me/today", learner)).json<{ items: { kind: string }[] }>();
    expect(today.items.map((i) => i.kind)).not.toContain("pulse");
  });

  it("lets the learner correct this week's answer: the same record, changed and audited", async () => {
    const changed = await rate("tried");
    expect(changed.json<PulseView>().plans[0]!.rating).toBe("tried");
    expect((await storedPulses()).map((p) => p.rating)).toEqual(["tried"]);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "plan-pulse.update"));
    expect(audit).toEqual([
      expect.objectContaining({
        subjectId: planId,
        details: expect.objectContaining({ from: "did-it", to: "tried" }),
      }),
    ]);
  });

  it("starts a new record the next week and shows the last weeks with the plan, to the learner and her manager", async () => {
    t.clock.now = new Date(t.clock.now.getTime() + 7 * 86_400_000);
    // A week later the sessions have expired: everyone signs in again.
    learner = await t.signIn("sanne@pulse.test");
    colleague = await t.signIn("ruben@pulse.test");
    manager = await t.signIn("boss@pulse.test");
    coordinator = await t.signIn(setup.designer.email);
    expect((await pulseOf()).plans[0]!.rating).toBeNull();
    await rate("not-yet");
    expect(await storedPulses()).toHaveLength(2);
    const thisWeek = weekStart(learnerToday());
    const expected = [
      { week: thisWeek, rating: "not-yet" },
      { week: addDays(thisWeek, -7), rating: "tried" },
    ];
    const [plan] = (await call("GET", "/api/me/action-plans", learner)).json<PlanView[]>();
    expect(plan!.pulses).toEqual(expected);
    const team = (await call("GET", "/api/team", manager)).json<TeamView>();
    expect(team.teams[0]!.members[0]!.plans[0]!.pulses).toEqual(expected);
  });

  it("refuses a rating it does not know, naming the field, and changes nothing", async () => {
    const bad = await call("PUT", `/api/me/plans/${planId}/pulse`, learner, { rating: "maybe" }, "nl");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: "rating" });
    expect(bad.json().errors[0].message).toContain("Antwoord van deze week");
    expect((await storedPulses()).map((p) => p.rating).sort()).toEqual(["not-yet", "tried"]);
  });

  it("leaves archived plans out, and refuses a tap on one in the learner's language", async () => {
    await call("POST", `/api/action-plans/${planId}/archive`, learner);
    expect(await pulseOf()).toMatchObject({ plans: [], given: true });
    const refused = await call("PUT", `/api/me/plans/${planId}/pulse`, learner, { rating: "did-it" }, "nl");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].message).toContain("gearchiveerd");
    await call("POST", `/api/action-plans/${planId}/restore`, learner);
  });

  it("hides other organisations' data, and other people's plans in the same organisation", async () => {
    const outsider = await outsiderCookie(t, buildLearner);
    expect((await rate("did-it", outsider)).statusCode).toBe(404);
    expect((await rate("did-it", colleague)).statusCode).toBe(404);
    expect((await rate("did-it", manager)).statusCode).toBe(404);
    expect(await pulseOf(outsider)).toMatchObject({ plans: [] });
    expect(await pulseOf(colleague)).toMatchObject({ plans: [] });
    expect((await storedPulses()).map((p) => p.rating).sort()).toEqual(["not-yet", "tried"]);
  });

  it("is in the learner's data export and goes with her erasure", async () => {
    const exported = (await call("GET", "/api/me/export", learner)).json<{ planPulses: unknown[] }>();
    expect(exported.planPulses).toHaveLength(2);
    expect(exported.planPulses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ planId, rating: "tried" }),
        expect.objectContaining({ planId, rating: "not-yet" }),
      ]),
    );
    const erased = await call("DELETE", `/api/people/${setup.learners[0]!.id}`, coordinator);
    expect(erased.statusCode).toBe(204);
    expect(await storedPulses()).toEqual([]);
  });
});
