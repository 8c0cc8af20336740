import { describe, expect, it } from "vitest";
import { TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import { buildCoordinator, buildLearner, buildOrganisation } from "../../../test-support/factories.ts";

/** Each test builds its own organisation, so any one of them runs alone. */
describe("organisation settings and the signed-in person", () => {
  const t = useTestApp();
  let n = 0;

  const call = (method: "GET" | "PATCH", url: string, cookie?: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { origin: TEST_ORIGIN, "accept-language": "en", ...(cookie ? { cookie } : {}) },
      ...(payload ? { payload } : {}),
    });

  /** An organisation with a coordinator and a learner, both signed in. */
  async function organisation(name: string) {
    const org = await buildOrganisation(t.database.db, { name, defaultLocale: "nl" });
    const tag = `${++n}`;
    await buildCoordinator(t.database.db, org.id, { email: `coord${tag}@org.test` });
    await buildLearner(t.database.db, org.id, { email: `learner${tag}@org.test`, name: "Lotte Leerling" });
    return {
      id: org.id,
      coordinator: await t.signIn(`coord${tag}@org.test`),
      learner: await t.signIn(`learner${tag}@org.test`),
    };
  }

  it("requires authentication", async () => {
    for (const url of ["/api/organisation", "/api/me", "/api/home"])
      expect((await call("GET", url)).statusCode).toBe(401);
    expect((await call("PATCH", "/api/organisation", undefined, { name: "X" })).statusCode).toBe(401);
  });

  it("hides other organisations' data: everyone reads and changes only their own", async () => {
    const mine = await organisation("Eigen BV");
    const other = await organisation("Ander BV");
    const read = await call("GET", "/api/organisation", mine.coordinator);
    expect(read.json()).toMatchObject({ id: mine.id, name: "Eigen BV" });
    await call("PATCH", "/api/organisation", mine.coordinator, { name: "Eigen Groep" });
    expect((await call("GET", "/api/organisation", other.coordinator)).json()).toMatchObject({
      id: other.id,
      name: "Ander BV",
    });
  });

  it("lets every signed-in person read the settings, and only a coordinator change them", async () => {
    const org = await organisation("Lezen BV");
    const read = await call("GET", "/api/organisation", org.learner);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({
      id: org.id,
      name: "Lezen BV",
      defaultLocale: "nl",
      anonymityThreshold: 5,
      country: "NL",
      workingDays: [1, 2, 3, 4, 5],
    });
    expect((await call("PATCH", "/api/organisation", org.learner, { name: "Nee" })).statusCode).toBe(403);
    const changed = await call("PATCH", "/api/organisation", org.coordinator, {
      defaultLocale: "en",
      anonymityThreshold: 7,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: "Lezen BV", defaultLocale: "en", anonymityThreshold: 7 });
  });

  it("refuses an anonymity threshold below three, naming the field", async () => {
    const org = await organisation("Drempel BV");
    const response = await call("PATCH", "/api/organisation", org.coordinator, { anonymityThreshold: 2 });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: "anonymityThreshold" });
  });

  it("lets anyone change their own name, language and time zone", async () => {
    const org = await organisation("Profiel BV");
    const response = await call("PATCH", "/api/me", org.learner, {
      name: "Lotte de Leerling",
      locale: "en",
      timeZone: "Europe/London",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      person: { name: "Lotte de Leerling", locale: "en", timeZone: "Europe/London" },
      organisation: { id: org.id, name: "Profiel BV", defaultLocale: "nl" },
      roles: ["learner"],
    });
  });
});
