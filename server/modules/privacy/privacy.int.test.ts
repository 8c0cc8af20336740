import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caller, TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import {
  buildCoordinator,
  buildLearner,
  buildOrganisation,
  buildTeam,
} from "../../../test-support/factories.ts";
import { auditEvents, idempotencyKeys, outboxEmails, persons, sessions } from "../../db/schema/index.ts";

describe("GDPR export and erasure", () => {
  const t = useTestApp();
  let orgId: string;
  let coordinator: string;
  let coordinatorId: string;

  const call = caller(t);

  beforeAll(async () => {
    const org = await buildOrganisation(t.database.db, { name: "Iota Installaties" });
    orgId = org.id;
    coordinatorId = (await buildCoordinator(t.database.db, org.id, { email: "coord@iota.test" })).id;
    coordinator = await t.signIn("coord@iota.test");
  });

  it("requires authentication", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/me/export" })).statusCode).toBe(401);
  });

  it("lets anyone download their own data, and records that it happened", async () => {
    const learner = await buildLearner(t.database.db, orgId, { email: "eigen@iota.test", name: "Eva Eigen" });
    await buildTeam(t.database.db, orgId, { name: "Service", memberIds: [learner.id] });
    const cookie = await t.signIn("eigen@iota.test");
    const response = await call("GET", "/api/me/export", cookie);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toContain("attachment");
    expect(response.json()).toMatchObject({
      person: { name: "Eva Eigen", email: "eigen@iota.test" },
      roles: ["learner"],
      teams: [{ name: "Service", isManager: false }],
    });
    expect(response.body).not.toContain("passwordHash");
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "person.exported"));
    expect(audit.some((a) => a.actorId === learner.id)).toBe(true);
  });

  it("lets only a coordinator export someone else's data", async () => {
    const learner = await buildLearner(t.database.db, orgId, { email: "ander@iota.test" });
    const other = await buildLearner(t.database.db, orgId, { email: "nieuwsgierig@iota.test" });
    const curious = await t.signIn(other.email);
    expect((await call("GET", `/api/people/${learner.id}/export`, curious)).statusCode).toBe(403);
    expect((await call("GET", `/api/people/${learner.id}/export`, coordinator)).json().person.email).toBe(
      "ander@iota.test",
    );
  });

  it("erases a person: no name, email, password, sessions or queued mail left; history stays anonymous", async () => {
    const leaver = await buildLearner(t.database.db, orgId, { email: "weg@iota.test", name: "Wim Weg" });
    const cookie = await t.signIn("weg@iota.test");
    // A write of theirs with an Idempotency-Key: its stored answer repeats their own words.
    const preferences = await t.app.inject({
      method: "PATCH",
      url: "/api/me",
      headers: { origin: TEST_ORIGIN, cookie, "idempotency-key": "leaver-renames-1" },
      payload: { name: "Wim Weg" },
    });
    expect(preferences.statusCode).toBe(200);
    expect(
      await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.personId, leaver.id)),
    ).toHaveLength(1);
    await t.app.inject({
      method: "POST",
      url: "/api/auth/forgot-password",
      headers: { origin: TEST_ORIGIN },
      payload: { email: "weg@iota.test" },
    });
    const response = await call("DELETE", `/api/people/${leaver.id}`, coordinator);
    expect(response.statusCode).toBe(204);
    const [row] = await t.database.db.select().from(persons).where(eq(persons.id, leaver.id));
    expect(row).toMatchObject({ name: "—", status: "deactivated", passwordHash: null, employeeNumber: null });
    expect(row!.erasedAt).toBeInstanceOf(Date);
    expect(row!.email).not.toContain("weg@");
    expect(await t.database.db.select().from(sessions).where(eq(sessions.personId, leaver.id))).toEqual([]);
    expect(
      await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.personId, leaver.id)),
    ).toEqual([]);
    expect(
      await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, "weg@iota.test")),
    ).toEqual([]);
    expect((await call("GET", "/api/me", cookie)).statusCode).toBe(401);
    const people = (await call("GET", "/api/people", coordinator)).body;
    expect(people).not.toContain("Wim Weg");
    expect(people).not.toContain(leaver.id);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "person.erased"));
    expect(JSON.stringify(audit)).not.toContain("Wim");
  });

  it("refuses to erase yourself", async () => {
    const response = await call("DELETE", `/api/people/${coordinatorId}`, coordinator);
    expect(response.statusCode).toBe(409);
  });
});
