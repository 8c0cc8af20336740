import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caller, TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import {
  buildCoordinator,
  buildLearner,
  buildOrganisation,
  buildTeam,
} from "../../../test-support/factories.ts";
import { tokenIn } from "../../../test-support/smtp-peer.ts";
import { auditEvents, outboxEmails, persons } from "../../db/schema/index.ts";

describe("people and teams", () => {
  const t = useTestApp();
  let orgId: string;
  let coordinator: string;
  let learner: string;
  let coordinatorId: string;
  let teamId: string;

  const call = caller(t);
  const callInDutch = caller(t, "nl");

  const countPeople = async () =>
    (await t.database.db.select().from(persons).where(eq(persons.organisationId, orgId))).length;

  beforeAll(async () => {
    const db = t.database.db;
    const org = await buildOrganisation(db, { name: "Delta Klimaat" });
    orgId = org.id;
    const c = await buildCoordinator(db, org.id, { email: "coord@delta.test", name: "Cora Coördinator" });
    coordinatorId = c.id;
    await buildLearner(db, org.id, { email: "learner@delta.test" });
    teamId = (await buildTeam(db, org.id, { name: "Service" })).id;
    coordinator = await t.signIn("coord@delta.test");
    learner = await t.signIn("learner@delta.test");
  });

  describe("POST /api/people", () => {
    it("requires authentication", async () => {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/people",
        headers: { origin: TEST_ORIGIN },
        payload: { name: "X", email: "x@delta.test" },
      });
      expect(response.statusCode).toBe(401);
    });

    it("lets only a coordinator add people", async () => {
      const response = await call("POST", "/api/people", learner, { name: "X", email: "x@delta.test" });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe("FORBIDDEN");
    });

    it("adds a person with roles and team, invites them by email, and records who did it", async () => {
      const response = await call("POST", "/api/people", coordinator, {
        name: "Piet Pieters",
        email: "Piet@Delta.test",
        roles: ["learner", "coach"],
        teamIds: [teamId],
        locale: "nl",
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        name: "Piet Pieters",
        email: "piet@delta.test",
        status: "invited",
        roles: expect.arrayContaining(["learner", "coach"]),
        teams: [{ id: teamId, name: "Service", isManager: false }],
      });
      expect(response.json()).not.toHaveProperty("passwordHash");
      const [mail] = await t.database.db
        .select()
        .from(outboxEmails)
        .where(eq(outboxEmails.toAddress, "piet@delta.test"));
      expect(mail!.subject).toBe("Cora Coördinator nodigt je uit voor Beklijf");
      expect(mail!.textBody).toMatch(/http:\/\/localhost:3000\/invitation#token=[\w-]{40,}/);
      const audit = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "person.created"));
      expect(audit[0]!.actorId).toBe(coordinatorId);
    });

    it("refuses a duplicate email in the organisation with a clear message and writes nothing", async () => {
      const before = await countPeople();
      const response = await callInDutch("POST", "/api/people", coordinator, {
        name: "Other",
        email: "LEARNER@delta.test",
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        code: "EMAIL_TAKEN",
        detail: "Iemand in je organisatie gebruikt learner@delta.test al.",
      });
      expect(await countPeople()).toBe(before);
    });

    it("names every bad field in the request's language and writes nothing", async () => {
      const before = await countPeople();
      const response = await callInDutch("POST", "/api/people", coordinator, {
        name: " ",
        email: "not-an-email",
        roles: [],
      });
      expect(response.statusCode).toBe(400);
      const fields = response.json().errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(["name", "email", "roles"]));
      expect(response.json().errors.find((e: { field: string }) => e.field === "email").message).toBe(
        "E-mailadres is geen geldig e-mailadres.",
      );
      expect(await countPeople()).toBe(before);
    });

    it("refuses a team that does not exist", async () => {
      const response = await call("POST", "/api/people", coordinator, {
        name: "Y",
        email: "y@delta.test",
        teamIds: ["00000000-0000-4000-8000-000000000000"],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0]).toMatchObject({ field: "teamIds", code: "unknown_team" });
    });
  });

  describe("PATCH /api/people/:personId", () => {
    it("edits name, roles and teams", async () => {
      const person = await buildLearner(t.database.db, orgId, { email: "edit@delta.test" });
      const response = await call("PATCH", `/api/people/${person.id}`, coordinator, {
        name: "Edited",
        roles: ["manager"],
        teamIds: [teamId],
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ name: "Edited", roles: ["manager"], teams: [{ id: teamId }] });
    });

    it("deactivates a person and ends their sessions", async () => {
      const person = await buildLearner(t.database.db, orgId, { email: "leaver@delta.test" });
      const cookie = await t.signIn("leaver@delta.test");
      const response = await call("PATCH", `/api/people/${person.id}`, coordinator, {
        status: "deactivated",
      });
      expect(response.json().status).toBe("deactivated");
      expect((await call("GET", "/api/me", cookie)).statusCode).toBe(401);
    });

    it("does not let a coordinator deactivate themself or remove the last coordinator", async () => {
      const self = await call("PATCH", `/api/people/${coordinatorId}`, coordinator, {
        status: "deactivated",
      });
      expect(self.json().code).toBe("CANNOT_DEACTIVATE_SELF");
      const lastRole = await call("PATCH", `/api/people/${coordinatorId}`, coordinator, {
        roles: ["learner"],
      });
      expect(lastRole.statusCode).toBe(409);
      expect(lastRole.json().code).toBe("LAST_COORDINATOR");
    });

    it("refuses an email another person uses", async () => {
      const person = await buildLearner(t.database.db, orgId, { email: "clash@delta.test" });
      const response = await call("PATCH", `/api/people/${person.id}`, coordinator, {
        email: "learner@delta.test",
      });
      expect(response.statusCode).toBe(409);
    });
  });

  describe("invitations", () => {
    it("lets an invited person choose a password once and signs them in", async () => {
      const created = await call("POST", "/api/people", coordinator, {
        name: "Nieuwe Collega",
        email: "nieuw@delta.test",
      });
      const [mail] = await t.database.db
        .select()
        .from(outboxEmails)
        .where(eq(outboxEmails.toAddress, "nieuw@delta.test"));
      const token = tokenIn(mail!.textBody);
      const info = await t.app.inject({
        method: "POST",
        url: "/api/auth/invitations/lookup",
        payload: { token: token },
      });
      expect(info.json()).toEqual({
        name: "Nieuwe Collega",
        email: "nieuw@delta.test",
        organisationName: "Delta Klimaat",
      });
      const accept = await t.app.inject({
        method: "POST",
        url: "/api/auth/invitations/accept",
        headers: { origin: TEST_ORIGIN },
        payload: { token, password: "mijn eigen wachtwoord" },
      });
      expect(accept.statusCode).toBe(200);
      const cookie = `beklijf_session=${accept.cookies.find((c) => c.name === "beklijf_session")!.value}`;
      expect((await call("GET", "/api/me", cookie)).json().person.id).toBe(created.json().id);
      expect((await call("GET", `/api/people/${created.json().id}`, coordinator)).json().status).toBe(
        "active",
      );
      const again = await t.app.inject({
        method: "POST",
        url: "/api/auth/invitations/lookup",
        payload: { token: token },
      });
      expect(again.statusCode).toBe(410);
    });

    it("makes an older invitation link useless when a new one is sent", async () => {
      const created = await call("POST", "/api/people", coordinator, {
        name: "Twee Links",
        email: "twee@delta.test",
      });
      const first = tokenIn(
        (
          await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, "twee@delta.test"))
        )[0]!.textBody,
      );
      expect(
        (await call("POST", `/api/people/${created.json().id}/invitation`, coordinator)).statusCode,
      ).toBe(202);
      expect(
        (
          await t.app.inject({
            method: "POST",
            url: "/api/auth/invitations/lookup",
            payload: { token: first },
          })
        ).statusCode,
      ).toBe(410);
    });
  });

  describe("teams", () => {
    it("creates a team with a manager, who gets the manager role", async () => {
      const person = await buildLearner(t.database.db, orgId, { email: "chef@delta.test" });
      const response = await call("POST", "/api/teams", coordinator, {
        name: "Montage",
        managerIds: [person.id],
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().managers).toEqual([{ id: person.id, name: person.name }]);
      expect((await call("GET", `/api/people/${person.id}`, coordinator)).json().roles).toContain("manager");
    });

    it("refuses a duplicate team name clearly", async () => {
      const response = await callInDutch("POST", "/api/teams", coordinator, { name: "Service" });
      expect(response.statusCode).toBe(409);
      expect(response.json().detail).toBe("Er is al een team met de naam Service.");
    });

    it("renames and deletes a team; its people stay", async () => {
      const member = await buildLearner(t.database.db, orgId);
      const team = await buildTeam(t.database.db, orgId, { name: "Tijdelijk", memberIds: [member.id] });
      expect(
        (await call("PATCH", `/api/teams/${team.id}`, coordinator, { name: "Projecten" })).json().name,
      ).toBe("Projecten");
      expect((await call("DELETE", `/api/teams/${team.id}`, coordinator)).statusCode).toBe(204);
      expect((await call("GET", `/api/teams/${team.id}`, coordinator)).statusCode).toBe(404);
      expect((await call("GET", `/api/people/${member.id}`, coordinator)).statusCode).toBe(200);
    });
  });

  describe("GET /api/home", () => {
    it("shows each role its own block", async () => {
      const asCoordinator = (await call("GET", "/api/home", coordinator)).json();
      expect(asCoordinator.coordinator.teams).toBeGreaterThan(0);
      const asLearner = (await call("GET", "/api/home", learner)).json();
      expect(asLearner).toMatchObject({
        roles: ["learner"],
        coordinator: null,
        manager: null,
        learner: { teams: [] },
      });
    });
  });
});
