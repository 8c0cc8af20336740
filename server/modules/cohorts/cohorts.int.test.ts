import { describe, expect, it } from "vitest";
import type { CohortDetail } from "../../../common/schemas/cohorts.ts";
import type { TrajectoryDetail } from "../../../common/schemas/trajectories.ts";
import { addDays } from "../../../common/dates.ts";
import { defaultCalendar } from "../../../common/working-week.ts";
import { toWorkingDay } from "./working-days.ts";
import { and, eq } from "drizzle-orm";
import type { TodayResponse } from "../../../common/schemas/learning.ts";
import { auditEvents, outboxEmails } from "../../db/schema/index.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import {
  buildCoordinator,
  buildLearner,
  buildOrganisation,
  buildPerson,
  buildTeam,
} from "../../../test-support/factories.ts";
import { trajectoryWithContent } from "../../../test-support/learning.ts";

describe("cohort planning: /api/cohorts", () => {
  const t = useTestApp();
  const call = caller(t);

  /** A working day about `days` from today (moved further from today off a weekend or holiday). */
  const inDays = (days: number) =>
    toWorkingDay(
      addDays(t.clock.now.toISOString().slice(0, 10), days),
      days < 0 ? "earlier" : "later",
      defaultCalendar,
    );
  const saturdayAfter = (days: number) => {
    let date = inDays(days);
    while (new Date(`${date}T00:00:00Z`).getUTCDay() !== 6) date = addDays(date, 1);
    return date;
  };

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

  /** The "your dates changed" emails sent in an organisation. */
  const datesChangedMails = (organisationId: string) =>
    t.database.db
      .select()
      .from(outboxEmails)
      .where(
        and(
          eq(outboxEmails.template, "cohort-dates-changed"),
          eq(outboxEmails.organisationId, organisationId),
        ),
      );
  const auditOf = (action: string, cohortId: string) =>
    t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, cohortId)));

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
    expect(cohort.schedule.find((s) => s.type === "insight-test")!.date).toBe(addDays(inDays(30), -10));
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
        cancelledAt: null,
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

  describe("PATCH /api/cohorts/:cohortId", () => {
    it("moves the practice day: the schedule follows and each learner gets one email with the new date", async () => {
      const { designer, team, trajectory, anna } = await plannerWithTeam();
      const cohort = (
        await call("POST", "/api/cohorts", designer, plan(trajectory.id, { teamIds: [team.id] }))
      ).json<CohortDetail>();
      const moved = inDays(40);
      const response = await call("PATCH", `/api/cohorts/${cohort.id}`, designer, {
        name: "Najaar",
        sessionDates: [moved],
      });
      expect(response.statusCode).toBe(200);
      const after = response.json<CohortDetail>();
      expect(after).toMatchObject({ name: "Najaar", sessionDates: [moved], cancelledAt: null });
      expect(after.schedule.find((a) => a.phase === "session")?.date).toBe(moved);
      expect(after.assignments.every((a) => after.schedule.some((s) => s.date === a.date))).toBe(true);
      const mails = await datesChangedMails(anna.organisationId);
      expect(mails).toHaveLength(2);
      expect(mails.every((m) => m.subject.includes("Najaar"))).toBe(true);
      const audit = await auditOf("cohort.updated", cohort.id);
      expect(audit).toHaveLength(1);
    });

    it("replaces the participants, and sends no email when only the name changes", async () => {
      const { designer, team, trajectory, anna, bas } = await plannerWithTeam();
      const cohort = (
        await call("POST", "/api/cohorts", designer, plan(trajectory.id, { teamIds: [team.id] }))
      ).json<CohortDetail>();
      const response = await call("PATCH", `/api/cohorts/${cohort.id}`, designer, {
        name: "Alleen Anna",
        personIds: [anna.id],
      });
      expect(response.statusCode).toBe(200);
      const after = response.json<CohortDetail>();
      expect(after.participants.map((p) => p.id)).toEqual([anna.id]);
      expect(after.assignments.some((a) => a.personId === bas.id)).toBe(false);
      const mails = await datesChangedMails(anna.organisationId);
      expect(mails).toHaveLength(0);
    });

    it("refuses a weekend or a new past date, naming the field by its label", async () => {
      const { designer, anna, trajectory } = await plannerWithTeam();
      const cohort = (
        await call("POST", "/api/cohorts", designer, plan(trajectory.id, { personIds: [anna.id] }))
      ).json<CohortDetail>();
      const weekend = await call(
        "PATCH",
        `/api/cohorts/${cohort.id}`,
        designer,
        { sessionDates: [saturdayAfter(10)] },
        "en",
      );
      expect(weekend.statusCode).toBe(400);
      expect(weekend.json().errors[0]).toMatchObject({ field: "sessionDates", code: "not_a_working_day" });
      expect(weekend.json().errors[0].message).toContain("Practice-day dates");
      const past = await call("PATCH", `/api/cohorts/${cohort.id}`, designer, { sessionDates: [inDays(-3)] });
      expect(past.json().errors[0]).toMatchObject({ field: "sessionDates", code: "date_in_past" });
      const planned = await call(
        "POST",
        "/api/cohorts",
        designer,
        plan(trajectory.id, {
          personIds: [anna.id],
          sessionDates: [saturdayAfter(10)],
        }),
      );
      expect(planned.statusCode).toBe(400);
    });

    it("lets only planners change a cohort", async () => {
      const { designer, anna, managerRow, trajectory } = await plannerWithTeam();
      const cohort = (
        await call("POST", "/api/cohorts", designer, plan(trajectory.id, { personIds: [anna.id] }))
      ).json<CohortDetail>();
      const manager = await t.signIn(managerRow.email);
      expect((await call("PATCH", `/api/cohorts/${cohort.id}`, manager, { name: "X" })).statusCode).toBe(403);
      expect((await call("POST", `/api/cohorts/${cohort.id}/cancel`, manager)).statusCode).toBe(403);
      expect((await call("PATCH", `/api/cohorts/${cohort.id}`, null, { name: "X" })).statusCode).toBe(401);
    });
  });

  describe("POST /api/cohorts/:cohortId/cancel", () => {
    it("keeps the cohort for history but takes it off the learner's Today list; no more changes", async () => {
      const { designer, anna, trajectory } = await plannerWithTeam();
      const cohort = (
        await call(
          "POST",
          "/api/cohorts",
          designer,
          plan(trajectory.id, { personIds: [anna.id], sessionDates: [inDays(3)] }),
        )
      ).json<CohortDetail>();
      const learner = await t.signIn(anna.email);
      const today = async () => (await call("GET", "/api/me/today", learner)).json<TodayResponse>();
      expect(JSON.stringify(await today())).toContain(cohort.id);
      const response = await call("POST", `/api/cohorts/${cohort.id}/cancel`, designer);
      expect(response.statusCode).toBe(200);
      expect(response.json<CohortDetail>().cancelledAt).not.toBeNull();
      expect(JSON.stringify(await today())).not.toContain(cohort.id);
      const list = (await call("GET", "/api/cohorts", designer)).json<
        { id: string; cancelledAt: string | null }[]
      >();
      expect(list.find((c) => c.id === cohort.id)?.cancelledAt).not.toBeNull();
      const again = await call("PATCH", `/api/cohorts/${cohort.id}`, designer, { name: "Toch" });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe("COHORT_CANCELLED");
      expect((await call("POST", `/api/cohorts/${cohort.id}/cancel`, designer)).statusCode).toBe(200);
      const audit = await auditOf("cohort.cancelled", cohort.id);
      expect(audit).toHaveLength(1);
    });
  });

  it("shows a manager only the cohorts with people from teams they manage", async () => {
    const { org, designer, anna, managerRow, trajectory } = await plannerWithTeam();
    const other = await buildLearner(t.database.db, org.id, { name: "Cor" });
    const otherManager = await buildPerson(t.database.db, { organisationId: org.id, roles: ["manager"] });
    await buildTeam(t.database.db, org.id, { managerIds: [otherManager.id], memberIds: [other.id] });
    const ours = (
      await call("POST", "/api/cohorts", designer, plan(trajectory.id, { personIds: [anna.id] }))
    ).json<CohortDetail>();
    const theirs = (
      await call(
        "POST",
        "/api/cohorts",
        designer,
        plan(trajectory.id, { personIds: [other.id], name: "Ander team" }),
      )
    ).json<CohortDetail>();
    const manager = await t.signIn(managerRow.email);
    expect((await call("GET", `/api/cohorts/${theirs.id}`, manager)).statusCode).toBe(404);
    expect((await call("GET", `/api/cohorts/${ours.id}`, manager)).statusCode).toBe(200);
    const list = (await call("GET", "/api/cohorts", manager)).json<{ id: string }[]>();
    expect(list.map((c) => c.id)).toEqual([ours.id]);
  });
});
