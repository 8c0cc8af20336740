import { describe, expect, it } from "vitest";
import type { NeedsYouView } from "../../../common/schemas/team.ts";
import type { TeamView } from "../../../common/schemas/action-plans.ts";
import { addDays } from "../../../common/dates.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { buildPerson, buildTeam } from "../../../test-support/factories.ts";
import { organisationWithCohort } from "../../../test-support/learning.ts";
import { signedIn } from "../../../test-support/sign-in.ts";

describe("GET /api/team/needs-you", () => {
  const t = useTestApp();
  const call = caller(t);

  /**
   * Each test its own organisation, three days after the practice day: Lotte logged an application of her
   * plan, Bas has no plan; both have the after-training check-in (day 7) coming. Mia manages them both;
   * Olaf manages a team of his own without them.
   */
  async function teamAfterPracticeDay() {
    const db = t.database.db;
    const fixture = await organisationWithCohort(t, {
      organisation: { defaultLocale: "en" },
      learners: [{ name: "Lotte Learner" }, { name: "Bas Bakker" }],
    });
    const [lotte, bas] = fixture.learners as [(typeof fixture.learners)[0], (typeof fixture.learners)[0]];
    const organisationId = fixture.organisation.id;
    const mia = await signedIn(t, await buildPerson(db, { organisationId, roles: ["manager"], name: "Mia" }));
    const olaf = await signedIn(
      t,
      await buildPerson(db, { organisationId, roles: ["manager"], name: "Olaf" }),
    );
    const other = await signedIn(t, await buildPerson(db, { organisationId, name: "Other" }));
    await buildTeam(db, organisationId, { managerIds: [mia.id], memberIds: [lotte.id, bas.id] });
    await buildTeam(db, organisationId, { managerIds: [olaf.id], memberIds: [other.id] });
    const plan = await call("POST", "/api/action-plans", lotte.cookie, {
      situation: "When a customer calls about a late repair",
      action: "I first name the frustration",
      firstMoment: t.clock.now.toISOString(),
      cohortId: fixture.cohortId,
    });
    const application = await call(
      "POST",
      `/api/action-plans/${plan.json<{ id: string }>().id}/applications`,
      lotte.cookie,
      { occurredAt: t.clock.now.toISOString(), whatHappened: "It worked", outcome: "went-well" },
    );
    return { ...fixture, lotte, bas, mia, olaf, applicationId: application.json<{ id: string }>().id };
  }

  const needsYou = async (cookie: string) => {
    const response = await call("GET", "/api/team/needs-you", cookie);
    expect(response.statusCode).toBe(200);
    return response.json<NeedsYouView>().items;
  };

  it("requires authentication", async () => {
    expect((await call("GET", "/api/team/needs-you", null)).statusCode).toBe(401);
  });

  it("lists what waits for the manager, oldest first, each with where it is done", async () => {
    const { mia, lotte, bas, practiceDay, applicationId } = await teamAfterPracticeDay();
    expect(await needsYou(mia.cookie)).toEqual([
      expect.objectContaining({
        kind: "no-plan",
        personId: bas.id,
        personName: "Bas Bakker",
        due: addDays(practiceDay, 1),
      }),
      {
        kind: "confirm-application",
        personId: lotte.id,
        personName: "Lotte Learner",
        href: `/team#member-${lotte.id}`,
        due: addDays(practiceDay, 3),
        detail: "When a customer calls about a late repair",
        recordId: applicationId,
      },
      expect.objectContaining({ kind: "check-in-after", personId: bas.id, due: addDays(practiceDay, 7) }),
      expect.objectContaining({
        kind: "check-in-after",
        personId: lotte.id,
        due: addDays(practiceDay, 7),
        href: `/team#check-in-${lotte.id}`,
      }),
    ]);
  });

  it("shrinks when the manager confirms the application and records the check-in", async () => {
    const { mia, lotte, cohortId, applicationId } = await teamAfterPracticeDay();
    await call("POST", `/api/applications/${applicationId}/confirmations`, mia.cookie);
    await call("POST", "/api/team/check-ins", mia.cookie, {
      personId: lotte.id,
      cohortId,
      kind: "after",
      agreements: "Use the plan in the next call and tell me how it went.",
    });
    expect((await needsYou(mia.cookie)).filter((item) => item.personId === lotte.id)).toEqual([]);
  });

  it("sorts the team screen by who needs attention, with the count of what waits", async () => {
    const { mia } = await teamAfterPracticeDay();
    const view = (await call("GET", "/api/team", mia.cookie)).json<TeamView>();
    expect(view.teams[0]!.members.map((m) => [m.name, m.waiting])).toEqual([
      ["Bas Bakker", 2],
      ["Lotte Learner", 2],
    ]);
  });

  it("shows only the manager's own people; a learner or a manager of others sees none of them", async () => {
    const { olaf, lotte, bas } = await teamAfterPracticeDay();
    const items = await needsYou(olaf.cookie);
    expect(items.map((item) => item.personId)).not.toContain(lotte.id);
    expect(items.map((item) => item.personId)).not.toContain(bas.id);
    expect(await needsYou(lotte.cookie)).toEqual([]);
  });

  it("hides other organisations' data", async () => {
    const ours = await teamAfterPracticeDay();
    const theirs = await teamAfterPracticeDay();
    // The second organisation moved the clock on: sign in again.
    const mia = await signedIn(t, ours.mia);
    const seen = JSON.stringify(await needsYou(mia.cookie));
    expect(seen).not.toContain(theirs.lotte.id);
    expect(seen).not.toContain(theirs.bas.id);
  });
});
