import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CohortDetail } from "../../../common/schemas/cohorts.ts";
import type { TrajectoryDetail } from "../../../common/schemas/trajectories.ts";
import { addDays } from "../../../common/dates.ts";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import {
  buildCoordinator,
  buildLearner,
  buildOrganisation,
  buildPerson,
  buildTeam,
} from "../../../test-support/factories.ts";
import { caller, trajectoryWithContent } from "../../../test-support/learning.ts";

describe("cohort planning: /api/cohorts", () => {
  let t: TestApp;
  let call: ReturnType<typeof caller>;

  beforeAll(async () => {
    t = await createTestApp();
    call = caller(t);
  });
  afterAll(() => t.close());

  const inDays = (days: number) => addDays(t.clock.now.toISOString().slice(0, 10), days);

  /** An organisation of its own: a designer signed in, a trajectory, a team of two with a manager. */
  async function plannerWithTeam() {
    const db = t.database.db;
    const org = await buildOrganisation(db);
    const designerRow = await buildPerson(db, { organisationId: org.id, roles: ["designer"] });
    const designer = await t.signIn(designerRow.email);
    const anna = await buildLearner(db, org.id, { name: "Anna" });
    const bas = await buildLearner(db, org.id, { name: "Bas" });
    const managerRow = await buildPerson(db, { organisationId: org.id, roles: ["manager"], name: "Henk" });
    const team = await buildTeam(db, org.id, { managerIds: [managerRow.id], memberIds: [anna.id, bas.id] });
    const trajectory = (
      await call("POST", "/api/trajectories", designer, trajectoryWithContent())
    ).json<TrajectoryDetail>();
    return { org, designer, anna, bas, managerRow, team, trajectory };
  }

  const plan = (trajectoryId: string, extra: object = {}) => ({
    trajectoryId,
    name: "Voorjaar",
    sessionDates: [inDays(30)],
    ...extra,
  });

  it("requires authentication", async () => {
    const { trajectory } = await plannerWithTeam();
    expect((await call("GET", "/api/cohorts", null)).statusCode).toBe(401);
    expect((await call("POST", "/api/cohorts", null, plan(trajectory.id))).statusCode).toBe(401);
  });

  it("hides other organisations' data", async () => {
    const { designer, team, trajectory } = await plannerWithTeam();
    const cohort = (
      await call("POST", "/api/cohorts", designer, plan(trajectory.id, { teamIds: [team.id] }))
    ).json<CohortDetail>();
    const outsider = await t.signIn(
      (await buildCoordinator(t.database.db, (await buildOrganisation(t.database.db)).id)).email,
    );
    expect((await call("GET", "/api/cohorts", outsider)).json()).toEqual([]);
    expect((await call("GET", `/api/cohorts/${cohort.id}`, outsider)).statusCode).toBe(404);
    const theirs = await call("POST", "/api/cohorts", outsider, plan(trajectory.id, { teamIds: [team.id] }));
    expect(theirs.statusCode).toBe(404);
  });

  it("plans a cohort by team: members take part, the team's manager does not", async () => {
    const { designer, team, trajectory } = await plannerWithTeam();
    const response = await call(
      "POST",
      "/api/cohorts",
      designer,
      plan(trajectory.id, { teamIds: [team.id] }),
    );
    expect(response.statusCode).toBe(201);
    const cohort = response.json<CohortDetail>();
    expect(cohort).toMatchObject({
      name: "Voorjaar",
      trajectory: { id: trajectory.id, title: trajectory.document.title },
      sessionDates: [inDays(30)],
    });
    expect(cohort.participants.map((p) => p.name)).toEqual(["Anna", "Bas"]);
    expect(cohort.schedule).toHaveLength(trajectory.document.activities.length);
    expect(cohort.assignments).toHaveLength(2 * cohort.schedule.length);
    // Offsets count from the first practice day: the insight test comes ten days before it.
    expect(cohort.schedule.find((s) => s.type === "insight-test")!.date).toBe(inDays(20));
    const read = await call("GET", `/api/cohorts/${cohort.id}`, designer);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(cohort);
    expect((await call("GET", "/api/cohorts", designer)).json()).toEqual([
      {
        id: cohort.id,
        name: "Voorjaar",
        trajectoryId: trajectory.id,
        trajectoryTitle: trajectory.document.title,
        firstSessionDate: inDays(30),
        participantCount: 2,
      },
    ]);
  });

  it("lists cohorts by their first practice day", async () => {
    const { designer, anna, trajectory } = await plannerWithTeam();
    for (const [name, days] of [
      ["Later", 40],
      ["Sooner", 10],
    ] as const)
      await call("POST", "/api/cohorts", designer, {
        ...plan(trajectory.id, { personIds: [anna.id] }),
        name,
        sessionDates: [inDays(days)],
      });
    const list = (await call("GET", "/api/cohorts", designer)).json<{ name: string }[]>();
    expect(list.map((c) => c.name)).toEqual(["Sooner", "Later"]);
  });

  it("lets a manager read cohorts but not plan them; a learner does neither", async () => {
    const { org, designer, anna, managerRow, trajectory } = await plannerWithTeam();
    const cohort = (
      await call("POST", "/api/cohorts", designer, plan(trajectory.id, { personIds: [anna.id] }))
    ).json<CohortDetail>();
    const manager = await t.signIn(managerRow.email);
    expect((await call("GET", `/api/cohorts/${cohort.id}`, manager)).statusCode).toBe(200);
    expect(
      (await call("POST", "/api/cohorts", manager, plan(trajectory.id, { personIds: [anna.id] }))).statusCode,
    ).toBe(403);
    const learner = await t.signIn((await buildLearner(t.database.db, org.id)).email);
    expect((await call("GET", "/api/cohorts", learner)).statusCode).toBe(403);
    expect((await call("GET", `/api/cohorts/${cohort.id}`, learner)).statusCode).toBe(403);
  });

  it("names the field of each refusal, and writes nothing", async () => {
    const { org, designer, anna, trajectory } = await plannerWithTeam();
    const refusal = async (body: object, field: string, code: string) => {
      const response = await call("POST", "/api/cohorts", designer, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0]).toMatchObject({ field, code });
    };
    const who = { personIds: [anna.id] };
    const past = await call(
      "POST",
      "/api/cohorts",
      designer,
      plan(trajectory.id, { ...who, sessionDates: ["2020-01-01"] }),
      "nl",
    );
    expect(past.json().errors[0].message).toContain("verleden");
    await refusal(
      plan(trajectory.id, { ...who, sessionDates: [inDays(-1)] }),
      "sessionDates",
      "date_in_past",
    );
    await refusal(
      plan(trajectory.id, { ...who, sessionDates: [inDays(20), inDays(10)] }),
      "sessionDates",
      "dates_not_in_order",
    );
    await refusal(
      plan(trajectory.id, { ...who, sessionDates: ["2027-02-30"] }),
      "sessionDates",
      "invalid_date",
    );
    await refusal({ ...plan(trajectory.id, who), name: " " }, "name", "required");
    await refusal(
      plan(trajectory.id, { teamIds: ["00000000-0000-4000-8000-000000000000"] }),
      "teamIds",
      "unknown_team",
    );
    await refusal(
      plan(trajectory.id, { personIds: ["00000000-0000-4000-8000-000000000000"] }),
      "personIds",
      "unknown_person",
    );
    const gone = await buildLearner(t.database.db, org.id, { status: "deactivated" });
    await refusal(plan(trajectory.id, { personIds: [gone.id] }), "personIds", "person_deactivated");
    await refusal(plan(trajectory.id), "personIds", "no_participants");
    expect((await call("GET", "/api/cohorts", designer)).json()).toEqual([]);
  });

  it("refuses a trajectory without a practice day, and an unknown trajectory or cohort", async () => {
    const { designer, anna } = await plannerWithTeam();
    const document = trajectoryWithContent();
    const noDay = (
      await call("POST", "/api/trajectories", designer, {
        ...document,
        activities: document.activities.filter((a) => a.phase !== "session"),
      })
    ).json<TrajectoryDetail>();
    const refused = await call("POST", "/api/cohorts", designer, plan(noDay.id, { personIds: [anna.id] }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe("NO_PRACTICE_DAY");
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      (await call("POST", "/api/cohorts", designer, plan(unknown, { personIds: [anna.id] }))).statusCode,
    ).toBe(404);
    expect((await call("GET", `/api/cohorts/${unknown}`, designer)).statusCode).toBe(404);
  });
});
