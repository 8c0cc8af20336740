import { beforeAll, describe, expect, it } from "vitest";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { buildLearner, buildPerson, buildTeam } from "../../../test-support/factories.ts";
import { type CohortFixture, organisationWithCohort } from "../../../test-support/learning.ts";
import { outsiderCookie } from "../../../test-support/sign-in.ts";
import { Tenant } from "../../db/tenant.ts";
import { measures } from "../../db/schema/index.ts";

interface Passport {
  credentials: { name: string }[];
  inProgress: {
    name: string;
    competenceName: string;
    met: boolean;
    rules: { rule: string; met: boolean; have?: number; needed?: number; bestShare?: number | null }[];
  }[];
}

describe("GET /api/me/credentials: badges in progress", () => {
  const t = useTestApp();
  const call = caller(t);
  let setup: CohortFixture;
  let learner: string;
  let manager: string;

  beforeAll(async () => {
    const db = t.database.db;
    setup = await organisationWithCohort(t, { learners: [{ email: "noor@progress.test" }] });
    const boss = await buildPerson(db, {
      organisationId: setup.organisation.id,
      roles: ["manager"],
      email: "boss@progress.test",
    });
    await buildTeam(db, setup.organisation.id, { managerIds: [boss.id], memberIds: [setup.learners[0]!.id] });
    learner = setup.learners[0]!.cookie;
    manager = await t.signIn(boss.email);
  });

  const passport = async (cookie = learner) => {
    const response = await call("GET", "/api/me/credentials", cookie);
    expect(response.statusCode).toBe(200);
    return response.json<Passport>();
  };

  const defineBadge = async (
    name: string,
    rule: { requiresProof: boolean; minConfirmedApplications: number },
  ) => {
    const created = await call(
      "POST",
      `/api/trajectories/${setup.trajectory.id}/achievements`,
      setup.designer.cookie,
      {
        competenceId: setup.competenceIds[0],
        name,
        description: "Calms an upset customer.",
        criteria: "See the rule.",
        ...rule,
      },
    );
    expect(created.statusCode).toBe(201);
  };

  /** One application of a plan on the first competence, confirmed by the manager. */
  const confirmedApplication = async () => {
    const plan = await call("POST", "/api/action-plans", learner, {
      situation: "When a customer calls about a late repair",
      action: `I first name the frustration (${Math.random()})`,
      firstMoment: t.clock.now.toISOString(),
      cohortId: setup.cohortId,
      competenceId: setup.competenceIds[0],
    });
    const applied = await call(
      "POST",
      `/api/action-plans/${plan.json<{ id: string }>().id}/applications`,
      learner,
      {
        occurredAt: t.clock.now.toISOString(),
        whatHappened: "It worked",
        outcome: "went-well",
      },
    );
    const url = `/api/applications/${applied.json<{ id: string }>().id}/confirmations`;
    expect((await call("POST", url, manager)).statusCode).toBe(200);
  };

  it("requires authentication", async () => {
    expect((await call("GET", "/api/me/credentials", null)).statusCode).toBe(401);
  });

  it("lists each badge of the learner's trajectories with what its rule still needs", async () => {
    await defineBadge("Calm and proven", { requiresProof: true, minConfirmedApplications: 2 });
    expect(await passport()).toEqual({
      credentials: [],
      inProgress: [
        {
          achievementId: expect.any(String),
          name: "Calm and proven",
          description: "Calms an upset customer.",
          criteria: "See the rule.",
          competenceName: expect.stringMatching(/\w/),
          met: false,
          rules: [
            { rule: "competence-proof", met: false, bestShare: null, neededShare: 0.7 },
            { rule: "confirmed-applications", met: false, have: 0, needed: 2 },
          ],
        },
      ],
    });
  });

  it("follows the evidence: a confirmed application and a proof below the bar", async () => {
    await confirmedApplication();
    const tenant = new Tenant(t.database.db, setup.organisation.id);
    await t.database.db.insert(measures).values(
      tenant.row({
        personId: setup.learners[0]!.id,
        cohortId: setup.cohortId,
        trajectoryId: setup.trajectory.id,
        activityId: "proof",
        kind: "competence-proof" as const,
        competenceId: setup.competenceIds[0]!,
        correct: 6,
        total: 10,
        takenAt: t.clock.now,
      }),
    );
    const [badge] = (await passport()).inProgress;
    expect(badge!.rules).toEqual([
      { rule: "competence-proof", met: false, bestShare: 0.6, neededShare: 0.7 },
      { rule: "confirmed-applications", met: false, have: 1, needed: 2 },
    ]);
  });

  it("awards a badge whose rule is met as soon as the passport is read (defined after the evidence came)", async () => {
    // One confirmed application is already there; this badge asks for one, so nothing remains.
    await defineBadge("First step", { requiresProof: false, minConfirmedApplications: 1 });
    const now = await passport();
    expect(now.credentials.map((c) => c.name)).toEqual(["First step"]);
    expect(now.inProgress.map((b) => b.name)).toEqual(["Calm and proven"]);
    expect(now.inProgress.every((b) => !b.met)).toBe(true);
  });

  it("hides other organisations' data: an outsider sees only their own, empty passport", async () => {
    const other = await outsiderCookie(t, buildLearner);
    expect(await passport(other)).toEqual({ credentials: [], inProgress: [] });
    // The manager takes part in no cohort: nothing is within reach for him.
    expect(await passport(manager)).toEqual({ credentials: [], inProgress: [] });
  });
});
