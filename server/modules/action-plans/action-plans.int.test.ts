import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caller, TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import { buildPerson, buildTeam } from "../../../test-support/factories.ts";
import { cookiesOf, learnerWithManager, organisationWithPeople } from "../../../test-support/sign-in.ts";
import type { TeamView } from "../../../common/schemas/action-plans.ts";
import { applicationConfirmations, outboxEmails } from "../../db/schema/index.ts";

describe("POST /api/action-plans/check", () => {
  const t = useTestApp();

  const check = (payload: object, language: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/action-plans/check",
      headers: { origin: TEST_ORIGIN, "accept-language": language },
      payload,
    });

  it("returns the checker's findings in the caller's language", async () => {
    const dutch = await check({ situation: "", action: "beter luisteren" }, "nl");
    expect(dutch.statusCode).toBe(200);
    expect(dutch.json().findings.map((f: { code: string }) => f.code)).toEqual([
      "missing_situation",
      "vague_action",
    ]);
    expect(dutch.json().findings[0].message).toContain("Het plan heeft geen situatie");
    const english = await check({ situation: "", action: "beter luisteren" }, "en");
    expect(english.json().findings[0].message).toContain("The plan has no situation");
  });

  it("finds nothing wrong with a concrete plan, and refuses a malformed body clearly", async () => {
    const good = await check(
      {
        situation: "When a customer calls about a late repair",
        action: "I first say I understand the frustration",
      },
      "en",
    );
    expect(good.json()).toEqual({ findings: [] });
    const bad = await check({ situation: 12 }, "en");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("VALIDATION_FAILED");
  });
});

describe("action plans, the application log and the manager's confirmation (role rules)", () => {
  const t = useTestApp();
  const call = caller(t);
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    const db = t.database.db;
    const { organisation, people } = await learnerWithManager(t, "plans.test");
    const otherManager = await buildPerson(db, {
      organisationId: organisation.id,
      roles: ["manager"],
      email: "other-manager@plans.test",
    });
    await buildTeam(db, organisation.id, { managerIds: [otherManager.id], memberIds: [people.colleague.id] });
    const elsewhere = await organisationWithPeople(t, {
      outsider: { roles: ["manager", "coordinator"], email: "outsider@plans.test" },
    });
    Object.assign(cookies, cookiesOf(people), cookiesOf(elsewhere.people), {
      "other-manager": await t.signIn(otherManager.email),
    });
  });

  const plan = {
    situation: "When a customer calls for the second time about a late repair",
    action: "I first say that I understand the frustration",
    firstMoment: new Date(Date.now() + 2 * 86_400_000).toISOString(),
  };

  it("saves a plan with the checker's findings, and refuses a plan without a moment in Dutch", async () => {
    const created = await call("POST", "/api/action-plans", cookies.learner!, plan);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ situation: plan.situation, findings: [], applications: [] });
    const vague = await call("POST", "/api/action-plans", cookies.learner!, {
      ...plan,
      action: "be better at listening",
    });
    expect(vague.json().findings.map((f: { code: string }) => f.code)).toEqual(["vague_action"]);
    const missing = await call(
      "POST",
      "/api/action-plans",
      cookies.learner!,
      { ...plan, firstMoment: undefined },
      "nl",
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].message).toBe("Eerste moment is verplicht.");
  });

  it("logs an application, which only a manager of the learner's team can confirm", async () => {
    const [mine] = (await call("GET", "/api/me/action-plans", cookies.learner!)).json<{ id: string }[]>();
    const logged = await call("POST", `/api/action-plans/${mine!.id}/applications`, cookies.learner!, {
      occurredAt: new Date().toISOString(),
      whatHappened: "Customer calmed down after I named the frustration.",
      outcome: "went-well",
    });
    expect(logged.statusCode).toBe(201);
    const applicationId = logged.json<{ id: string }>().id;
    const url = `/api/applications/${applicationId}/confirmations`;
    for (const who of ["learner", "colleague", "other-manager", "outsider"]) {
      expect((await call("POST", url, cookies[who]!)).statusCode, who).toBe(404);
    }
    expect(await t.database.db.select().from(applicationConfirmations)).toEqual([]);
    const confirmed = await call("POST", url, cookies.manager!);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ confirmed: true });
    expect((await call("POST", url, cookies.manager!)).statusCode).toBe(200);
    const stored = await t.database.db
      .select()
      .from(applicationConfirmations)
      .where(eq(applicationConfirmations.applicationId, applicationId));
    expect(stored).toHaveLength(1);
    const [after] = (await call("GET", "/api/me/action-plans", cookies.learner!)).json<
      { applications: { confirmed: boolean }[] }[]
    >();
    expect(after!.applications[0]!.confirmed).toBe(true);
  });

  it("tells the team's manager by email, and shows plans and progress (never answers) on the team screen", async () => {
    const mail = await t.database.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, "manager@plans.test"));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.textBody).toContain("I first say that I understand the frustration");
    expect(mail[0]!.textBody).toContain("/team");
    const other = await t.database.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, "other-manager@plans.test"));
    expect(other).toEqual([]);
    const team = await call("GET", "/api/team", cookies.manager!);
    expect(team.json<TeamView>().teams[0]!.progress).toMatchObject({
      withPlan: 1,
      applications: 1,
      confirmed: 1,
    });
    const [member] = team.json<TeamView>().teams[0]!.members;
    expect(member!.plans[0]!.applications[0]).toMatchObject({ outcome: "went-well", confirmed: true });
    expect(JSON.stringify(team.json())).not.toMatch(/optionId|selfRating|answers/);
    const otherTeam = (await call("GET", "/api/team", cookies["other-manager"]!)).json<TeamView>();
    expect(JSON.stringify(otherTeam)).not.toContain("I first say");
  });

  it("puts the plan's expected moment in the learner's calendar feed", async () => {
    const { url } = (await call("GET", "/api/me/calendar-feed", cookies.learner!)).json<{ url: string }>();
    const feed = await t.app.inject({ method: "GET", url: url.slice(TEST_ORIGIN.length) });
    expect(feed.body).toMatch(/SUMMARY:(Your plan|Je plan): I first say that I understand the frustration/);
    expect(feed.body).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  });

  it("keeps a learner's plans their own: nobody else can log on them", async () => {
    const [mine] = (await call("GET", "/api/me/action-plans", cookies.learner!)).json<{ id: string }[]>();
    const body = { occurredAt: new Date().toISOString(), whatHappened: "", outcome: "did-not-act" };
    for (const who of ["colleague", "manager", "outsider"]) {
      expect(
        (await call("POST", `/api/action-plans/${mine!.id}/applications`, cookies[who]!, body)).statusCode,
        who,
      ).toBe(404);
    }
    expect((await call("GET", "/api/me/action-plans", cookies.manager!)).json()).toEqual([]);
  });

  it("allows at most three plans per group", async () => {
    const third = await call("POST", "/api/action-plans", cookies.learner!, {
      ...plan,
      action: "I repeat the next step out loud",
    });
    expect(third.statusCode).toBe(201);
    const fourth = await call("POST", "/api/action-plans", cookies.learner!, {
      ...plan,
      action: "I write it in the work order",
    });
    expect(fourth.statusCode).toBe(400);
    expect(fourth.json().errors[0].code).toBe("too_many_plans");
  });
});
