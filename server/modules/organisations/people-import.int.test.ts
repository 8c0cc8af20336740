import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import {
  buildCoordinator,
  buildLearner,
  buildOrganisation,
  buildTeam,
} from "../../../test-support/factories.ts";
import { outboxEmails, persons, teams } from "../../db/schema/index.ts";
import { snapshotTenant } from "../../../test-support/tenant-snapshot.ts";

describe("POST /api/people/import", () => {
  const t = useTestApp();
  let orgId: string;
  let cookie: string;

  const post = (url: string, payload: object, language = "en") =>
    t.app.inject({
      method: "POST",
      url,
      headers: { cookie, origin: TEST_ORIGIN, "accept-language": language },
      payload,
    });

  beforeAll(async () => {
    const org = await buildOrganisation(t.database.db, { name: "Epsilon Elektro" });
    orgId = org.id;
    await buildCoordinator(t.database.db, org.id, { email: "coord@epsilon.test" });
    await buildLearner(t.database.db, org.id, { email: "bestaand@epsilon.test", name: "Oude Naam" });
    await buildTeam(t.database.db, org.id, { name: "Montage" });
    cookie = await t.signIn("coord@epsilon.test");
  });

  const withBadRow =
    "Voornaam;Achternaam;E-mail;Afdeling\n" +
    "Anna;de Wit;anna@epsilon.test;Montage\n" +
    "Bert;Bakker;geen-email;Service\n" +
    "Oude;Naam Nieuw;bestaand@epsilon.test;Montage\n";

  it("requires authentication", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/people/import/preview",
      headers: { origin: TEST_ORIGIN },
      payload: { csv: withBadRow },
    });
    expect(response.statusCode).toBe(401);
  });

  it("previews row by row, with localised row errors, and writes nothing", async () => {
    const before = await snapshotTenant(t.database.db, orgId);
    const response = await post("/api/people/import/preview", { csv: withBadRow }, "nl");
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.counts).toEqual({ create: 1, update: 1, error: 1 });
    expect(preview.rows[1]).toMatchObject({
      line: 3,
      action: "error",
      errors: [{ field: "email", message: "E-mailadres is geen geldig e-mailadres." }],
    });
    expect(preview.rows[2]).toMatchObject({ action: "update", email: "bestaand@epsilon.test" });
    expect(await snapshotTenant(t.database.db, orgId)).toBe(before);
  });

  it("imports nothing at all when one row is bad", async () => {
    const before = await snapshotTenant(t.database.db, orgId);
    const response = await post("/api/people/import", { csv: withBadRow, sendInvitations: true });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe("IMPORT_INVALID");
    expect(await snapshotTenant(t.database.db, orgId)).toBe(before);
  });

  it("explains a file it cannot use", async () => {
    const response = await post("/api/people/import/preview", { csv: "naam;team\nJan;A\n" }, "nl");
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0]).toMatchObject({ field: "csv", code: "import_missing_email_column" });
    expect(response.json().errors[0].message).toContain("e-mailadressen");
  });

  it("imports a clean file: creates people and teams, updates existing people, invites the new ones", async () => {
    const clean = withBadRow.replace(
      "Bert;Bakker;geen-email;Service",
      "Bert;Bakker;bert@epsilon.test;Service",
    );
    const response = await post("/api/people/import", { csv: clean, sendInvitations: true });
    expect(response.statusCode).toBe(200);
    expect(response.json().counts).toEqual({ create: 2, update: 1, error: 0 });
    expect(response.json().newTeams).toEqual(["Service"]);
    const db = t.database.db;
    const bert = await db.query.persons.findFirst({ where: eq(persons.email, "bert@epsilon.test") });
    expect(bert).toMatchObject({ name: "Bert Bakker", status: "invited", organisationId: orgId });
    const existing = await db.query.persons.findFirst({ where: eq(persons.email, "bestaand@epsilon.test") });
    expect(existing!.name).toBe("Oude Naam Nieuw");
    expect(
      (await db.select().from(teams).where(eq(teams.organisationId, orgId))).map((x) => x.name).sort(),
    ).toEqual(["Montage", "Service"]);
    const invites = await db.select().from(outboxEmails).where(eq(outboxEmails.template, "invitation"));
    expect(invites.map((m) => m.toAddress).sort()).toEqual(["anna@epsilon.test", "bert@epsilon.test"]);
  });
});
