import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { caller, TEST_ORIGIN, useTestApp } from "../../test-support/app.ts";
import { buildCoordinator, buildLearner, buildOrganisation } from "../../test-support/factories.ts";
import { outboxEmails } from "../db/schema/index.ts";

/** French and the Flemish variant from outside: headers, the person's and the organisation's language. */
describe("languages", () => {
  const t = useTestApp();
  const call = caller(t);
  let n = 0;

  /** An organisation with a signed-in coordinator and learner; each test builds its own. */
  async function organisation(defaultLocale = "nl") {
    const tag = `${++n}`;
    const org = await buildOrganisation(t.database.db, { name: `Langues ${tag}`, defaultLocale });
    await buildCoordinator(t.database.db, org.id, {
      email: `coord${tag}@langues.test`,
      name: "Claire Coordination",
    });
    await buildLearner(t.database.db, org.id, { email: `learner${tag}@langues.test`, locale: null });
    return {
      id: org.id,
      tag,
      coordinator: await t.signIn(`coord${tag}@langues.test`),
      learner: await t.signIn(`learner${tag}@langues.test`),
    };
  }

  /** A call that sends no Accept-Language, so the person's own setting decides. */
  const withoutLanguage = (method: "GET" | "PATCH" | "POST", url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { origin: TEST_ORIGIN, cookie }, ...(payload ? { payload } : {}) });

  it.each(["fr", "fr-BE", "fr-BE,fr;q=0.9,nl;q=0.5"])(
    "answers a problem in French for Accept-Language %s",
    async (language) => {
      const org = await organisation();
      const response = await call("PATCH", "/api/me", org.learner, { timeZone: "Mars/Olympus" }, language);
      expect(response.statusCode).toBe(400);
      expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
      const problem = response.json();
      expect(problem.title).toBe("La demande n'a pas pu être traitée");
      // The failing field's message is the detail, with the field's French label.
      expect(problem.detail).toBe("Fuseau horaire n'est pas un fuseau horaire que nous connaissons.");
      expect(problem.errors).toEqual([
        expect.objectContaining({
          field: "timeZone",
          message: "Fuseau horaire n'est pas un fuseau horaire que nous connaissons.",
        }),
      ]);
    },
  );

  it("accepts French as a person's language and answers them in it when the browser does not ask", async () => {
    const org = await organisation();
    const saved = await call("PATCH", "/api/me", org.learner, { locale: "fr" });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().person.locale).toBe("fr");
    const refused = await withoutLanguage("PATCH", "/api/organisation", org.learner, { name: "X" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/^Votre rôle ne le permet pas/);
  });

  it("accepts French as the organisation's default and writes an invitation in it to someone without a language", async () => {
    const org = await organisation();
    const saved = await call("PATCH", "/api/organisation", org.coordinator, { defaultLocale: "fr" });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().defaultLocale).toBe("fr");
    const added = await call("POST", "/api/people", org.coordinator, {
      name: "Amélie Dupont",
      email: `amelie${org.tag}@langues.test`,
      locale: null,
    });
    expect(added.statusCode).toBe(201);
    const [mail] = await t.database.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, `amelie${org.tag}@langues.test`));
    expect(mail!.locale).toBe("fr");
    expect(mail!.subject).toBe("Claire Coordination vous invite sur Beklijf");
    expect(mail!.textBody).toMatch(/^Bonjour Amélie Dupont,/);
  });

  it("refuses a language it does not speak, naming the field", async () => {
    const org = await organisation();
    const response = await call("PATCH", "/api/organisation", org.coordinator, { defaultLocale: "de" }, "fr");
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toBe("Choisissez une des options pour «\u00a0Langue par défaut\u00a0».");
    expect((await call("GET", "/api/organisation", org.coordinator)).json().defaultLocale).toBe("nl");
  });

  it("tells the web app the organisation's country, and writes a Belgian organisation's Dutch records in Flemish", async () => {
    const org = await organisation();
    await call("PATCH", "/api/organisation", org.coordinator, { country: "BE" });
    const me = await call("GET", "/api/me", org.learner);
    expect(me.json().organisation).toMatchObject({ country: "BE", defaultLocale: "nl" });
    const learnerId = me.json().person.id as string;
    const csv = await call(
      "GET",
      `/api/people/${learnerId}/training-record.csv`,
      org.coordinator,
      undefined,
      "nl",
    );
    expect(csv.statusCode).toBe(200);
    // The header is in the learner's language (the organisation's Dutch), in its Belgian wording.
    expect(csv.body.split("\r\n")[0]).toContain(";Opleiding;");
    await call("PATCH", "/api/organisation", org.coordinator, { country: "NL" });
    const dutch = await call(
      "GET",
      `/api/people/${learnerId}/training-record.csv`,
      org.coordinator,
      undefined,
      "nl",
    );
    expect(dutch.body.split("\r\n")[0]).toContain(";Training;");
  });
});
