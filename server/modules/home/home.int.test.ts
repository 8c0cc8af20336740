import { describe, expect, it } from "vitest";
import { addDays } from "../../../common/dates.ts";
import type { HomeResponse } from "../../../common/schemas/me.ts";
import type { TrajectoryDetail } from "../../../common/schemas/trajectories.ts";
import { DEMO_PASSWORD, seedDemo } from "../../db/seed/demo.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { buildCoordinator, buildLearner, buildOrganisation } from "../../../test-support/factories.ts";
import { trajectoryWithContent } from "../../../test-support/learning.ts";

describe("GET /api/home for a coordinator", () => {
  const t = useTestApp();
  const call = caller(t);
  let n = 0;

  /** A new organisation: only its coordinator, signed in. */
  async function newOrganisation() {
    const org = await buildOrganisation(t.database.db, { name: `Start ${++n} BV` });
    const row = await buildCoordinator(t.database.db, org.id, { email: `start${n}@org.test` });
    return { org, row, coordinator: await t.signIn(row.email) };
  }
  const home = async (cookie: string) => (await call("GET", "/api/home", cookie)).json<HomeResponse>();
  const stepsOf = (answer: HomeResponse) =>
    Object.fromEntries(answer.coordinator!.checklist.map((s) => [s.key, s]));

  it("requires authentication", async () => {
    expect((await call("GET", "/api/home", null)).statusCode).toBe(401);
  });

  it("leaves every first step open for a new organisation, with nothing running", async () => {
    const { coordinator } = await newOrganisation();
    const answer = await home(coordinator);
    expect(answer.coordinator!.checklist.every((s) => !s.done)).toBe(true);
    expect(answer.coordinator).toMatchObject({ runningCohorts: [], latestScan: null, impact: [] });
  });

  it("ticks people, template and cohort off once they are done, with what was done", async () => {
    const { coordinator } = await newOrganisation();
    const personIds: string[] = [];
    for (const name of ["Anna", "Bas"]) {
      const added = await call("POST", "/api/people", coordinator, {
        name,
        email: `${name.toLowerCase()}${n}@org.test`,
        sendInvitation: false,
      });
      expect(added.statusCode).toBe(201);
      personIds.push(added.json<{ id: string }>().id);
    }
    let steps = stepsOf(await home(coordinator));
    expect(steps.people).toMatchObject({ done: true, count: 2 });
    // Added without an invitation: nobody is invited yet.
    expect(steps.invite!.done).toBe(false);

    const trajectory = (
      await call("POST", "/api/trajectories", coordinator, trajectoryWithContent())
    ).json<TrajectoryDetail>();
    let day = addDays(t.clock.now.toISOString().slice(0, 10), 2);
    // A practice day on a working day (the schedule refuses a weekend).
    while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, 1);
    const planned = await call("POST", "/api/cohorts", coordinator, {
      trajectoryId: trajectory.id,
      name: "Voorjaar",
      sessionDates: [day],
      personIds,
    });
    expect(planned.statusCode, planned.body).toBe(201);
    steps = stepsOf(await home(coordinator));
    expect(steps.template!.done).toBe(true);
    expect(steps.cohort).toMatchObject({ done: true, count: 1 });
    expect(steps.scan!.done).toBe(false);
  });

  it("hides other organisations' data", async () => {
    await seedDemo(t.database.db);
    const { coordinator } = await newOrganisation();
    const answer = await home(coordinator);
    expect(answer.coordinator!.checklist.every((s) => s.count === 0)).toBe(true);
    expect(answer.coordinator!.runningCohorts).toEqual([]);
    expect(answer.coordinator!.latestScan).toBeNull();
  });

  it("shows only a coordinator the coordinator's block", async () => {
    const { org } = await newOrganisation();
    const learner = await buildLearner(t.database.db, org.id, { email: `learner${n}@org.test` });
    expect((await home(await t.signIn(learner.email))).coordinator).toBeNull();
  });

  it("shows the demo's running cohorts with people per tier, what is overdue, and the latest scan", async () => {
    await seedDemo(t.database.db);
    const answer = await home(await t.signIn("coordinator@demo.beklijf.nl", DEMO_PASSWORD));
    const block = answer.coordinator!;
    expect(block.checklist.every((s) => s.done)).toBe(true);
    expect(block.runningCohorts.length).toBeGreaterThan(0);
    const [first] = block.runningCohorts;
    expect(first!.tiers.map((x) => x.tier)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(first!.participants).toBeGreaterThan(0);
    expect(first!.overdueTasks).toBeGreaterThanOrEqual(first!.peopleBehind);
    expect(block.latestScan).toMatchObject({ status: expect.any(String), responses: expect.any(Number) });
    expect(block.impact.map((x) => x.title)).toContain("Moeilijke klantgesprekken");
  });
});
