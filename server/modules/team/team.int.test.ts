import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { TeamView } from "../../../common/schemas/action-plans.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { buildTeam } from "../../../test-support/factories.ts";
import { organisationWithPeople } from "../../../test-support/sign-in.ts";
import { auditEvents, checkIns } from "../../db/schema/index.ts";

describe("the manager's team screen and check-ins", () => {
  const t = useTestApp();
  const call = caller(t);
  const callInDutch = caller(t, "nl");

  /** Each test its own organisation: a manager with one team of two members, and a manager of no one. */
  async function organisationWithTeam() {
    const { organisation, people } = await organisationWithPeople(t, {
      manager: { roles: ["manager"] },
      stranger: { roles: ["manager"] },
      anouk: { name: "Anouk" },
      bas: { name: "Bas" },
    });
    const { manager, anouk, bas } = people;
    const team = await buildTeam(t.database.db, organisation.id, {
      name: "Service desk",
      managerIds: [manager.id],
      memberIds: [anouk.id, bas.id],
    });
    return { team, anouk, bas, manager, stranger: people.stranger, learner: anouk };
  }

  const checkInsOf = (personId: string) =>
    t.database.db.select().from(checkIns).where(eq(checkIns.personId, personId));

  describe("GET /api/team", () => {
    it("requires authentication", async () => {
      expect((await call("GET", "/api/team", null)).statusCode).toBe(401);
    });

    it("shows the manager each team they manage with its members, in name order", async () => {
      const { manager, team } = await organisationWithTeam();
      const response = await call("GET", "/api/team", manager.cookie);
      expect(response.statusCode).toBe(200);
      const view = response.json<TeamView>();
      expect(view.teams.map((x) => ({ id: x.id, name: x.name }))).toEqual([
        { id: team.id, name: "Service desk" },
      ]);
      expect(view.teams[0]!.members.map((m) => m.name)).toEqual(["Anouk", "Bas"]);
      expect(view.teams[0]!.members[0]).toMatchObject({ cohorts: [], plans: [], lastCheckIn: null });
      expect(view.teams[0]!.progress).toEqual({
        inTraining: 0,
        tasksDone: 0,
        tasksDue: 0,
        withPlan: 0,
        applications: 0,
        confirmed: 0,
      });
    });

    it("shows nothing to someone who manages no team, a learner included", async () => {
      const { stranger, learner } = await organisationWithTeam();
      expect((await call("GET", "/api/team", stranger.cookie)).json()).toEqual({ teams: [] });
      expect((await call("GET", "/api/team", learner.cookie)).json()).toEqual({ teams: [] });
    });

    it("hides other organisations' data", async () => {
      const ours = await organisationWithTeam();
      const theirs = await organisationWithTeam();
      const view = (await call("GET", "/api/team", ours.manager.cookie)).json<TeamView>();
      const seen = view.teams.flatMap((x) => x.members.map((m) => m.personId));
      expect(seen.sort()).toEqual([ours.anouk.id, ours.bas.id].sort());
      expect(JSON.stringify(view)).not.toContain(theirs.team.id);
    });

    it("shows the last check-in with a member", async () => {
      const { manager, anouk } = await organisationWithTeam();
      await call("POST", "/api/team/check-ins", manager.cookie, {
        personId: anouk.id,
        kind: "before",
        agreements: "Practise the opening line twice this week.",
      });
      const view = (await call("GET", "/api/team", manager.cookie)).json<TeamView>();
      const member = view.teams[0]!.members.find((m) => m.personId === anouk.id);
      expect(member!.lastCheckIn).toMatchObject({
        kind: "before",
        agreements: "Practise the opening line twice this week.",
      });
    });
  });

  describe("POST /api/team/check-ins", () => {
    it("requires authentication", async () => {
      const { anouk } = await organisationWithTeam();
      const response = await call("POST", "/api/team/check-ins", null, { personId: anouk.id, kind: "after" });
      expect(response.statusCode).toBe(401);
      expect(await checkInsOf(anouk.id)).toEqual([]);
    });

    it("records a check-in by a manager of the member's team, from the screen", async () => {
      const { manager, anouk } = await organisationWithTeam();
      const response = await call("POST", "/api/team/check-ins", manager.cookie, {
        personId: anouk.id,
        kind: "after",
        agreements: "  First try on Monday's planning call.  ",
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({
        id: expect.any(String),
        at: t.clock.now.toISOString(),
        kind: "after",
        agreements: "First try on Monday's planning call.",
      });
      expect(await checkInsOf(anouk.id)).toEqual([
        expect.objectContaining({ managerId: manager.id, kind: "after", source: "screen", cohortId: null }),
      ]);
    });

    it("refuses anyone who does not manage the person, as if the person did not exist", async () => {
      const { stranger, learner, bas, manager } = await organisationWithTeam();
      for (const who of [stranger, learner]) {
        const response = await call("POST", "/api/team/check-ins", who.cookie, {
          personId: bas.id,
          kind: "before",
          agreements: "Talk again on Monday",
        });
        expect(response.statusCode).toBe(404);
      }
      // A manager is not a member of their own team.
      const self = await call("POST", "/api/team/check-ins", manager.cookie, {
        personId: manager.id,
        kind: "before",
        agreements: "Talk again on Monday",
      });
      expect(self.statusCode).toBe(404);
      expect(await checkInsOf(bas.id)).toEqual([]);
    });

    it("hides other organisations' data", async () => {
      const ours = await organisationWithTeam();
      const theirs = await organisationWithTeam();
      const response = await call("POST", "/api/team/check-ins", ours.manager.cookie, {
        personId: theirs.anouk.id,
        kind: "before",
        agreements: "Talk again on Monday",
      });
      expect(response.statusCode).toBe(404);
      expect(await checkInsOf(theirs.anouk.id)).toEqual([]);
    });

    it("names each invalid field, in the caller's language", async () => {
      const { manager, anouk } = await organisationWithTeam();
      const response = await callInDutch("POST", "/api/team/check-ins", manager.cookie, {
        personId: "not-an-id",
        kind: "talked",
        agreements: "x".repeat(2001),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe("VALIDATION_FAILED");
      const fields = response.json<{ errors: { field: string; message: string }[] }>().errors;
      expect(fields.map((f) => f.field).sort()).toEqual(["agreements", "kind", "personId"]);
      expect(fields.every((f) => f.message.length > 0)).toBe(true);
      const missing = await call("POST", "/api/team/check-ins", manager.cookie, { kind: "before" });
      expect(missing.statusCode).toBe(400);
      expect(missing.json<{ errors: { field: string }[] }>().errors.map((f) => f.field)).toEqual([
        "personId",
        "agreements",
      ]);
      expect(await checkInsOf(anouk.id)).toEqual([]);
    });
  });

  describe("PATCH and DELETE /api/team/check-ins/:checkInId", () => {
    const record = async (cookie: string, personId: string) =>
      (
        await call("POST", "/api/team/check-ins", cookie, {
          personId,
          kind: "after",
          agreements: "First try on Monday",
        })
      ).json<{ id: string }>().id;

    it("refuses an empty check-in, naming the agreements field in the caller's language", async () => {
      const { manager, anouk } = await organisationWithTeam();
      const empty = await callInDutch("POST", "/api/team/check-ins", manager.cookie, {
        personId: anouk.id,
        kind: "after",
        agreements: "   ",
      });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().detail).toBe("Afspraken is verplicht.");
      const id = await record(manager.cookie, anouk.id);
      const emptied = await call(
        "PATCH",
        `/api/team/check-ins/${id}`,
        manager.cookie,
        { agreements: "" },
        "en",
      );
      expect(emptied.json().detail).toBe("Agreements is required.");
    });

    it("lets the manager who recorded it correct or delete it, audited; nobody else", async () => {
      const { manager, stranger, learner, anouk } = await organisationWithTeam();
      const id = await record(manager.cookie, anouk.id);
      for (const who of [stranger, learner]) {
        expect(
          (await call("PATCH", `/api/team/check-ins/${id}`, who.cookie, { agreements: "x" })).statusCode,
        ).toBe(404);
        expect((await call("DELETE", `/api/team/check-ins/${id}`, who.cookie)).statusCode).toBe(404);
      }
      expect((await call("PATCH", `/api/team/check-ins/${id}`, null, { agreements: "x" })).statusCode).toBe(
        401,
      );
      const edited = await call("PATCH", `/api/team/check-ins/${id}`, manager.cookie, {
        kind: "before",
        agreements: "Practise the opening line",
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ id, kind: "before", agreements: "Practise the opening line" });
      const view = (await call("GET", "/api/team", manager.cookie)).json<TeamView>();
      const member = view.teams[0]!.members.find((m) => m.personId === anouk.id);
      expect(member!.lastCheckIn).toMatchObject({ id, agreements: "Practise the opening line", mine: true });
      expect((await call("DELETE", `/api/team/check-ins/${id}`, manager.cookie)).statusCode).toBe(204);
      expect(await checkInsOf(anouk.id)).toEqual([]);
      const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
      expect(audit.map((a) => a.action).sort()).toEqual(["check-in.delete", "check-in.update"]);
    });
  });
});
