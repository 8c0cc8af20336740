import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TEST_ORIGIN, caller, useTestApp } from "../../../test-support/app.ts";
import { buildLearner } from "../../../test-support/factories.ts";
import { aStatement, lrsCaller, organisationWithXapiClient } from "../../../test-support/xapi.ts";
import { Tenant } from "../../db/tenant.ts";
import { issueLaunchCredentials } from "./index.ts";

/** The learning record store's part of a person's GDPR export and erasure. */
describe("xAPI data in the GDPR export and erasure", () => {
  const t = useTestApp();
  const call = caller(t);

  it("exports a person's statements and documents, and erases what content sent about them", async () => {
    const setup = await organisationWithXapiClient(t);
    const learner = await buildLearner(t.database.db, setup.organisation.id, {
      email: `lrs-${randomUUID()}@example.test`,
    });
    const registration = randomUUID();
    const launch = await issueLaunchCredentials(new Tenant(t.database.db, setup.organisation.id), {
      personId: learner.id,
      registration,
      activityId: "https://content.example.test/au",
      expiresInMinutes: 60,
      site: TEST_ORIGIN,
      now: t.clock.now,
    });
    const content = lrsCaller(t, launch.authorization);
    // Launched content speaks within its registration (cmi5 §9.6.1).
    const fromContent = { ...aStatement(), actor: launch.actor, context: { registration } };
    expect((await content("POST", "/xapi/statements", { json: fromContent })).statusCode).toBe(200);
    const state = new URLSearchParams({
      activityId: "https://content.example.test/au",
      agent: JSON.stringify(launch.actor),
      stateId: "suspend",
    });
    expect((await content("PUT", `/xapi/activities/state?${state}`, { json: { page: 7 } })).statusCode).toBe(
      204,
    );
    const client = lrsCaller(t, setup.authorization);
    const byEmail = aStatement({ email: learner.email });
    await client("POST", "/xapi/statements", { json: byEmail });

    const exported = await call("GET", `/api/people/${learner.id}/export`, setup.cookie);
    expect(exported.statusCode).toBe(200);
    const data = exported.json();
    expect(data.learning.xapiStatements.map((s: { id: string }) => s.id)).toContain(fromContent.id);
    expect(data.xapiDocuments).toEqual([
      expect.objectContaining({ kind: "state", documentId: "suspend", content: '{"page":7}' }),
    ]);

    expect((await call("DELETE", `/api/people/${learner.id}`, setup.cookie)).statusCode).toBe(204);
    for (const id of [fromContent.id, byEmail.id])
      expect((await client("GET", `/xapi/statements?statementId=${id}`)).statusCode).toBe(404);
    expect((await client("GET", `/xapi/activities/state?${state}`)).statusCode).toBe(404);
    expect((await content("GET", "/xapi/statements?limit=1")).statusCode).toBe(401);
  });
});
