import { eq } from "drizzle-orm";
import type { RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_ORIGIN, type TestApp } from "../../test-support/app.ts";
import {
  buildCoordinator,
  buildLearner,
  buildOrganisation,
  buildTeam,
} from "../../test-support/factories.ts";
import { snapshotTenant, tenantTables } from "../../test-support/tenant-snapshot.ts";
import { Tenant } from "../db/tenant.ts";
import { type Fixture, probes } from "./cross-tenant.probes.ts";
import { planCohort } from "../modules/cohorts/cohorts.service.ts";
import { trajectoryTemplates } from "../modules/trajectories/templates/index.ts";
import { renderTemplate } from "../modules/trajectories/templates/template.ts";
import { createTrajectory } from "../modules/trajectories/trajectories.service.ts";
import { createScan } from "../modules/culture-scan/culture-scan.service.ts";
import {
  actionPlans,
  coachingRelations,
  feedbackRequests,
  impactKpis,
  planApplications,
  practiceCards,
  sessions,
} from "../db/schema/index.ts";
import { newCard, storeCard } from "../modules/practice/scheduler.ts";
import { createQuestion } from "../modules/questions/questions.service.ts";
import { scenario } from "../../test-support/learning.ts";

/**
 * The cross-tenant harness. Every signed-in API route is called by organisation B's coordinator with
 * organisation A's ids in the path and body. It must answer 404 (or show B's own data only), leak none
 * of A's identifiers, and leave every one of A's rows untouched.
 *
 * A new route that is not in `probes` fails the "covers every route" test, so nobody can add a route
 * without saying how it is probed.
 */

function routeKeys(routes: RouteOptions[]): { key: string; route: RouteOptions }[] {
  return routes
    .filter(
      (route) =>
        route.url.startsWith("/api/") &&
        (route.config as { access?: string } | undefined)?.access !== "public",
    )
    .flatMap((route) =>
      (Array.isArray(route.method) ? route.method : [route.method])
        .filter((method) => method !== "HEAD")
        .map((method) => ({ key: `${method} ${route.url}`, route })),
    );
}

/** A problem body repeats the requested path in `instance`; that is the caller's own input, not a leak. */
function withoutEcho(body: string): string {
  if (!body) return body;
  const parsed = JSON.parse(body) as Record<string, unknown>;
  if (parsed && typeof parsed === "object" && "instance" in parsed) delete parsed.instance;
  return JSON.stringify(parsed);
}

function fillPath(url: string, a: Fixture): string {
  return url
    .replace(":personId", a.personId)
    .replace(":teamId", a.teamId)
    .replace(":trajectoryId", a.trajectoryId)
    .replace(":cohortId", a.cohortId)
    .replace(":scanId", a.scanId)
    .replace(":questionId", a.questionId)
    .replace(":activityId", a.activityId)
    .replace(":competenceId", a.competenceId)
    .replace(":planId", a.planId)
    .replace(":relationId", a.relationId)
    .replace(":requestId", a.requestId)
    .replace(":applicationId", a.applicationId)
    .replace(":kpiId", a.kpiId)
    .replace(":sessionId", a.sessionId);
}

describe("cross-tenant isolation (every API route)", () => {
  let t: TestApp;
  let a: Fixture;
  let aSecrets: string[];
  let bCookie: string;
  let bOrganisationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const orgA = await buildOrganisation(db, { name: "Alpha Installaties" });
    const coordinatorA = await buildCoordinator(db, orgA.id, { email: "coord@alpha.test" });
    const learnerA = await buildLearner(db, orgA.id, { email: "learner@alpha.test", name: "Anna Alpha" });
    const teamA = await buildTeam(db, orgA.id, {
      name: "Alpha Montage",
      managerIds: [coordinatorA.id],
      memberIds: [learnerA.id],
    });
    const document = renderTemplate(trajectoryTemplates[0]!, "en");
    const actorA = {
      personId: coordinatorA.id,
      organisationId: orgA.id,
      sessionId: "",
      name: "",
      email: "",
      roles: new Set(["coordinator"] as const),
      locale: null,
    };
    const tenantA = new Tenant(db, orgA.id);
    const trajectory = await createTrajectory(tenantA, actorA, {
      ...document,
      title: "Alpha geheim traject",
    });
    const cohort = await planCohort(
      tenantA,
      actorA,
      {
        trajectoryId: trajectory.id,
        name: "Alpha groep",
        sessionDates: ["2099-01-05"],
        teamIds: [teamA.id],
        personIds: [],
      },
      new Date(),
    );
    const scan = await createScan(
      tenantA,
      actorA,
      { title: "Alpha scan", teamIds: [teamA.id], opensOn: "2020-01-01", closesOn: "2099-01-01" },
      {
        publicUrl: TEST_ORIGIN,
        now: new Date(),
      },
    );
    const competenceId = trajectory.document.competences[0]!.id!;
    const question = await createQuestion(tenantA, actorA, trajectory.id, {
      ...scenario(competenceId),
      prompt: "Alpha geheime vraag",
    });
    const [card] = await db
      .insert(practiceCards)
      .values(
        tenantA.row({
          personId: learnerA.id,
          cohortId: cohort.id,
          questionId: question.id,
          due: new Date(),
          fsrs: storeCard(newCard(new Date())),
        }),
      )
      .returning({ id: practiceCards.id });
    const [plan] = await db
      .insert(actionPlans)
      .values(
        tenantA.row({
          personId: learnerA.id,
          cohortId: cohort.id,
          situation: "Alpha geheime situatie",
          action: "Alpha geheime actie",
          firstMoment: new Date(),
          createdAt: new Date(),
        }),
      )
      .returning({ id: actionPlans.id });
    const [application] = await db
      .insert(planApplications)
      .values(
        tenantA.row({
          planId: plan!.id,
          personId: learnerA.id,
          occurredAt: new Date(),
          whatHappened: "Alpha geheim verslag",
          outcome: "went-well" as const,
          createdAt: new Date(),
        }),
      )
      .returning({ id: planApplications.id });
    const [relation] = await db
      .insert(coachingRelations)
      .values(
        tenantA.row({
          coachId: coordinatorA.id,
          coacheeId: learnerA.id,
          status: "accepted" as const,
          createdAt: new Date(),
        }),
      )
      .returning({ id: coachingRelations.id });
    const [feedback] = await db
      .insert(feedbackRequests)
      .values(
        tenantA.row({
          requesterId: learnerA.id,
          colleagueId: coordinatorA.id,
          cohortId: cohort.id,
          about: "Alpha geheime vraag om feedback",
          attachmentName: "alpha.jpg",
          attachmentType: "image/jpeg",
          attachment: Buffer.from("alpha"),
          createdAt: new Date(),
        }),
      )
      .returning({ id: feedbackRequests.id });
    const [kpi] = await db
      .insert(impactKpis)
      .values(
        tenantA.row({
          trajectoryId: trajectory.id,
          name: "Alpha geheim cijfer",
          unit: "x",
          better: "lower" as const,
          beforeValue: 3,
          beforePeriod: "Q1",
          createdAt: new Date(),
        }),
      )
      .returning({ id: impactKpis.id });
    await t.signIn(learnerA.email);
    const [sessionA] = await db.select().from(sessions).where(eq(sessions.personId, learnerA.id));
    a = {
      sessionId: sessionA!.id,
      kpiId: kpi!.id,
      requestId: feedback!.id,
      relationId: relation!.id,
      planId: plan!.id,
      applicationId: application!.id,
      questionId: question.id,
      activityId: trajectory.document.activities[0]!.id!,
      competenceId,
      cardId: card!.id,
      scanId: scan.id,
      trajectoryId: trajectory.id,
      cohortId: cohort.id,
      document,
      personId: learnerA.id,
      personEmail: learnerA.email,
      teamId: teamA.id,
      teamName: teamA.name,
      organisationName: orgA.name,
    };
    aSecrets = [
      orgA.id,
      learnerA.id,
      coordinatorA.id,
      teamA.id,
      learnerA.email,
      coordinatorA.email,
      "Anna Alpha",
      orgA.name,
      trajectory.id,
      cohort.id,
      "Alpha geheim traject",
      "Alpha groep",
      scan.id,
      "Alpha scan",
      question.id,
      "Alpha geheime vraag",
      card!.id,
      plan!.id,
      application!.id,
      "Alpha geheime actie",
      "Alpha geheim verslag",
      kpi!.id,
      "Alpha geheim cijfer",
      sessionA!.id,
    ];
    const orgB = await buildOrganisation(db, { name: "Beta Techniek" });
    bOrganisationId = orgB.id;
    const coordinatorB = await buildCoordinator(db, orgB.id, { email: "coord@beta.test" });
    await buildTeam(db, orgB.id, { name: "Beta Service", managerIds: [coordinatorB.id] });
    bCookie = await t.signIn("coord@beta.test");
  });

  afterAll(() => t.close());

  it("covers every signed-in route", () => {
    const registered = routeKeys(t.routes)
      .map((r) => r.key)
      .sort();
    expect(registered.length).toBeGreaterThan(10);
    expect(registered).toEqual(Object.keys(probes).sort());
  });

  it("has a tenant snapshot that sees the organisation's tables", () => {
    expect(tenantTables().map((x) => x.name)).toEqual(
      expect.arrayContaining(["persons", "teams", "team_memberships", "sessions"]),
    );
  });

  it("requires authentication on every signed-in route", async () => {
    for (const { key, route } of routeKeys(t.routes)) {
      const probe = probes[key]!;
      const response = await t.app.inject({
        method: key.split(" ")[0] as "GET",
        url: fillPath(route.url, a),
        headers: { origin: TEST_ORIGIN },
        ...(probe.body ? { payload: probe.body(a) as object } : {}),
      });
      expect(response.statusCode, key).toBe(401);
      expect(response.json().code, key).toBe("UNAUTHENTICATED");
    }
  });

  it("hides other organisations' data and changes nothing of theirs", async () => {
    const before = await snapshotTenant(
      t.database.db,
      (await t.database.db.query.organisations.findFirst({
        where: (o, { eq }) => eq(o.name, a.organisationName),
      }))!.id,
    );
    // Sign-out last, so the session stays usable for every other probe.
    const signOut = (key: string) => Number(key === "POST /api/auth/sign-out");
    const ordered = routeKeys(t.routes).sort((x, y) => signOut(x.key) - signOut(y.key));
    for (const { key, route } of ordered) {
      const probe = probes[key]!;
      const response = await t.app.inject({
        method: key.split(" ")[0] as "GET",
        url: fillPath(route.url, a),
        headers: { origin: TEST_ORIGIN, cookie: bCookie },
        ...(probe.body ? { payload: probe.body(a) as object } : {}),
      });
      if (probe.expect === 404) expect(response.statusCode, key).toBe(404);
      else if (probe.expect === "rejected") expect(response.statusCode, key).toBe(400);
      else expect(response.statusCode, `${key}: ${response.body}`).toBeLessThan(300);
      for (const secret of aSecrets) {
        if (key.startsWith("POST /api/people/import") && secret === a.personEmail) continue; // B's own CSV names it
        expect(withoutEcho(response.body), `${key} leaks ${secret}`).not.toContain(secret);
      }
    }
    const orgAId = (await t.database.db.query.organisations.findFirst({
      where: (o, { eq }) => eq(o.name, a.organisationName),
    }))!.id;
    expect(await snapshotTenant(t.database.db, orgAId)).toBe(before);
    expect(bOrganisationId).not.toBe(orgAId);
  });
});
