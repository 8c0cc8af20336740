import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import {
  buildCoordinator,
  buildLearner,
  buildOrganisation,
  buildTeam,
} from "../../../test-support/factories.ts";
import { completeScanAnswers } from "../../../test-support/scan-answers.ts";
import { tokenIn } from "../../../test-support/smtp-peer.ts";
import { outboxEmails } from "../../db/schema/index.ts";

/** A Brussels team: French and Dutch speakers in one scan, each invited in their own language. */
describe("a culture scan in a bilingual team", () => {
  const t = useTestApp();
  let coordinator: string;
  let scanId: string;
  const people = [
    ...["amelie", "benoit", "chloe"].map((name) => ({
      email: `${name}@bruxelles.test`,
      locale: "fr" as const,
    })),
    ...["daan", "eva", "femke"].map((name) => ({ email: `${name}@bruxelles.test`, locale: "nl" as const })),
  ];

  const call = (
    method: "GET" | "POST",
    url: string,
    payload?: object,
    cookie: string | null = coordinator,
    language = "fr",
  ) =>
    t.app.inject({
      method,
      url,
      headers: { origin: TEST_ORIGIN, "accept-language": language, ...(cookie ? { cookie } : {}) },
      ...(payload ? { payload } : {}),
    });

  const invitationTo = async (email: string) =>
    (await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, email)))[0]!;

  beforeAll(async () => {
    const db = t.database.db;
    const org = await buildOrganisation(db, { name: "Atelier Bruxelles", defaultLocale: "nl" });
    await buildCoordinator(db, org.id, { email: "coord@bruxelles.test" });
    const members = await Promise.all(people.map((p) => buildLearner(db, org.id, p)));
    const team = await buildTeam(db, org.id, { name: "Atelier", memberIds: members.map((m) => m.id) });
    coordinator = await t.signIn("coord@bruxelles.test");
    const created = await call("POST", "/api/culture-scans", {
      title: "Culture d'apprentissage 2027",
      teamIds: [team.id],
      opensOn: "2020-01-01",
      closesOn: "2099-12-31",
    });
    expect(created.statusCode).toBe(201);
    scanId = created.json().id;
  });

  it("invites each person in their own language", async () => {
    const french = await invitationTo("amelie@bruxelles.test");
    expect(french.locale).toBe("fr");
    expect(french.subject).toBe(
      "Atelier Bruxelles vous demande\u00a0: comment se passe l'apprentissage au travail\u202f? (10 minutes)",
    );
    const dutch = await invitationTo("daan@bruxelles.test");
    expect(dutch.locale).toBe("nl");
    expect(dutch.subject).toMatch(/^Atelier Bruxelles/);
    expect(dutch.subject).not.toBe(french.subject);
  });

  it("pools the answers given in both languages into one result", async () => {
    for (const [i, person] of people.entries()) {
      const token = tokenIn((await invitationTo(person.email)).textBody);
      const lookup = await call("POST", "/api/scan/lookup", { token }, null, person.locale);
      expect(lookup.statusCode, person.email).toBe(200);
      const answers = completeScanAnswers(i < 3 ? 2 : 5, i === 0 ? "Plus de temps pour s'exercer" : "");
      const sent = await call("POST", "/api/scan/submit", { token, answers }, null, person.locale);
      expect(sent.statusCode, person.email).toBe(200);
    }
    expect((await call("POST", `/api/culture-scans/${scanId}/close`)).statusCode).toBe(200);
    const results = (await call("GET", `/api/culture-scans/${scanId}/results`)).json();
    expect(results).toMatchObject({ responses: 6, invited: 6, responseRate: 100 });
    // One figure for the whole team, whatever language each person answered in.
    expect(results.overall.phases.acting).toBe(6);
    expect(results.heatmap.manager.acting).toBeCloseTo(3.5, 5);
    expect(results.comments).toEqual(["Plus de temps pour s'exercer"]);
  });

  it("exports the pooled figures with French headers and decimal commas", async () => {
    const response = await call("GET", `/api/culture-scans/${scanId}/results.csv`);
    const rows = parse(response.body, { delimiter: ";", bom: true }) as string[][];
    expect(rows[0]).toEqual(["Groupe", "Réponses", "Mesure", "Valeur"]);
    const figures = rows.slice(1).map((row) => row[3]!);
    expect(rows).toContainEqual(["Atelier", "6", "Collègues", "3,5"]);
    expect(figures.some((value) => /^\d+,\d+$/.test(value))).toBe(true);
    expect(figures.some((value) => value.includes("."))).toBe(false);
  });
});
