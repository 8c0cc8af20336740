import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlanView, TeamView } from "../../../common/schemas/action-plans.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { learnerWithManager } from "../../../test-support/sign-in.ts";
import { actionPlans, auditEvents } from "../../db/schema/index.ts";

describe("correcting plans and applications", () => {
  const t = useTestApp();
  const call = caller(t);
  const callInDutch = caller(t, "nl");
  let cookies: Record<"learner" | "colleague" | "manager", string>;

  beforeAll(async () => {
    ({ cookies } = await learnerWithManager(t));
  });

  const newPlan = async (action: string) => {
    const created = await call("POST", "/api/action-plans", cookies.learner!, {
      situation: "When a customer calls for the second time about a late repair",
      action,
      firstMoment: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    expect(created.statusCode).toBe(201);
    return created.json<PlanView>();
  };
  const log = (planId: string, occurredAt: string, language = "en") =>
    call(
      "POST",
      `/api/action-plans/${planId}/applications`,
      cookies.learner!,
      { occurredAt, whatHappened: "It happened", outcome: "went-well" },
      language,
    );
  const audits = (action: string, id: string) =>
    t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, id)));

  it("requires authentication", async () => {
    expect(
      (await call("PATCH", `/api/action-plans/${crypto.randomUUID()}`, null, { action: "x" })).statusCode,
    ).toBe(401);
    expect((await call("DELETE", `/api/applications/${crypto.randomUUID()}`, null)).statusCode).toBe(401);
  });

  it("lets the learner correct her plan, with the checker's findings and the same checks, audited", async () => {
    const plan = await newPlan("I first say that I understand the frustration");
    const vague = await call("PATCH", `/api/action-plans/${plan.id}`, cookies.learner!, {
      action: "be better at listening",
    });
    expect(vague.statusCode).toBe(200);
    expect(vague.json<PlanView>().action).toBe("be better at listening");
    expect(vague.json<PlanView>().findings.map((f) => f.code)).toEqual(["vague_action"]);
    const past = await callInDutch("PATCH", `/api/action-plans/${plan.id}`, cookies.learner!, {
      firstMoment: "2020-01-01T09:00:00Z",
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0]).toMatchObject({ field: "firstMoment", code: "first_moment_in_past" });
    const empty = await call("PATCH", `/api/action-plans/${plan.id}`, cookies.learner!, { situation: " " });
    expect(empty.statusCode).toBe(400);
    const competence = await call("PATCH", `/api/action-plans/${plan.id}`, cookies.learner!, {
      competenceId: "nope",
    });
    expect(competence.json().errors[0].code).toBe("unknown_competence");
    for (const who of ["colleague", "manager"] as const)
      expect(
        (await call("PATCH", `/api/action-plans/${plan.id}`, cookies[who]!, { action: "Hacked" })).statusCode,
        who,
      ).toBe(404);
    expect(await audits("action-plan.update", plan.id)).toHaveLength(1);
  });

  it("archives a plan: hidden from the manager and without reminders, restorable by the learner only", async () => {
    const plan = await newPlan("I repeat the next step out loud");
    for (const who of ["colleague", "manager"] as const)
      expect(
        (await call("POST", `/api/action-plans/${plan.id}/archive`, cookies[who]!)).statusCode,
        who,
      ).toBe(404);
    const archived = await call("POST", `/api/action-plans/${plan.id}/archive`, cookies.learner!);
    expect(archived.statusCode).toBe(200);
    expect(archived.json<PlanView>().archivedAt).not.toBeNull();
    const mine = (await call("GET", "/api/me/action-plans", cookies.learner!)).json<PlanView[]>();
    expect(mine.find((p) => p.id === plan.id)!.archivedAt).not.toBeNull();
    const team = (await call("GET", "/api/team", cookies.manager!)).json<TeamView>();
    expect(JSON.stringify(team)).not.toContain("I repeat the next step out loud");
    const { url } = (await call("GET", "/api/me/calendar-feed", cookies.learner!)).json<{ url: string }>();
    const feed = await t.app.inject({ method: "GET", url: new URL(url).pathname + new URL(url).search });
    expect(feed.body).not.toContain("I repeat the next step out loud");
    const restored = await call("POST", `/api/action-plans/${plan.id}/restore`, cookies.learner!);
    expect(restored.json<PlanView>().archivedAt).toBeNull();
    const again = (await call("GET", "/api/team", cookies.manager!)).json<TeamView>();
    expect(JSON.stringify(again)).toContain("I repeat the next step out loud");
    expect(await audits("action-plan.archive", plan.id)).toHaveLength(1);
    expect(await audits("action-plan.restore", plan.id)).toHaveLength(1);
  });

  it("refuses an application dated before the plan or in the future, naming the date field in Dutch", async () => {
    const plan = await newPlan("I write it in the work order");
    const old = await log(plan.id, "1999-05-01T10:00:00Z", "nl");
    expect(old.statusCode).toBe(400);
    expect(old.json().errors[0]).toMatchObject({ field: "occurredAt", code: "before_plan" });
    expect(old.json().detail).toMatch(/^Wanneer ligt vóór/);
    const future = await log(plan.id, new Date(Date.now() + 3 * 86_400_000).toISOString(), "en");
    expect(future.statusCode).toBe(400);
    expect(future.json().detail).toMatch(/^When lies in the future/);
    const ok = await log(plan.id, new Date().toISOString());
    expect(ok.statusCode).toBe(201);
    const patched = await callInDutch("PATCH", `/api/applications/${ok.json().id}`, cookies.learner!, {
      occurredAt: "1999-05-01T10:00:00Z",
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().detail).toMatch(/^Wanneer ligt vóór/);
    const [stored] = await t.database.db.select().from(actionPlans).where(eq(actionPlans.id, plan.id));
    expect(stored!.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("lets the learner edit or remove her entry until a manager confirmed it, then answers 409", async () => {
    const [plan] = (await call("GET", "/api/me/action-plans", cookies.learner!)).json<PlanView[]>();
    const first = (await log(plan!.id, new Date().toISOString())).json<{ id: string }>();
    const second = (await log(plan!.id, new Date().toISOString())).json<{ id: string }>();
    for (const who of ["colleague", "manager"] as const) {
      expect(
        (await call("PATCH", `/api/applications/${first.id}`, cookies[who]!, { whatHappened: "x" }))
          .statusCode,
        who,
      ).toBe(404);
      expect((await call("DELETE", `/api/applications/${first.id}`, cookies[who]!)).statusCode, who).toBe(
        404,
      );
    }
    const edited = await call("PATCH", `/api/applications/${first.id}`, cookies.learner!, {
      whatHappened: "Corrected: the customer calmed down",
      outcome: "partly",
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      whatHappened: "Corrected: the customer calmed down",
      outcome: "partly",
    });
    expect(await audits("application.update", first.id)).toHaveLength(1);
    expect((await call("DELETE", `/api/applications/${second.id}`, cookies.learner!)).statusCode).toBe(204);
    expect(await audits("application.delete", second.id)).toHaveLength(1);
    const plans = (await call("GET", "/api/me/action-plans", cookies.learner!)).json<PlanView[]>();
    expect(plans.flatMap((p) => p.applications).map((a) => a.id)).not.toContain(second.id);

    expect(
      (await call("POST", `/api/applications/${first.id}/confirmations`, cookies.manager!)).statusCode,
    ).toBe(200);
    const late = await callInDutch("PATCH", `/api/applications/${first.id}`, cookies.learner!, {
      whatHappened: "x",
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: "APPLICATION_CONFIRMED" });
    expect(late.json().detail).toContain("bevestigd");
    expect((await call("DELETE", `/api/applications/${first.id}`, cookies.learner!)).statusCode).toBe(409);
  });

  it("exports archived plans and edited applications as such", async () => {
    const exported = (await call("GET", "/api/me/export", cookies.learner!)).json<{
      learning: {
        actionPlans: { archivedAt: string | null }[];
        applications: { updatedAt: string | null }[];
      };
    }>();
    const text = JSON.stringify(exported);
    expect(text).toContain("archivedAt");
    expect(text).toMatch(/"updatedAt":"\d{4}-/);
  });
});
