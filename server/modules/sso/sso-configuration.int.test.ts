import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caller, useTestApp } from "../../../test-support/app.ts";
import { buildCoordinator, buildLearner, buildOrganisation } from "../../../test-support/factories.ts";
import { startTestIdentityProvider, type TestIdentityProvider } from "../../../test-support/oidc-provider.ts";
import { runSsoTest, saveSso, TEST_REDIRECT_URI } from "../../../test-support/sso.ts";
import { auditEvents, ssoConfigurations } from "../../db/schema/index.ts";

describe("the organisation's single sign-on settings", () => {
  const t = useTestApp();
  const call = caller(t);
  let idp: TestIdentityProvider;
  let organisationId: string;
  let coordinatorCookie: string;
  let learnerCookie: string;
  let learnerId: string;
  let coordinatorId: string;
  const domain = `jansen-${randomBytes(3).toString("hex")}.test`;

  beforeAll(async () => {
    idp = await startTestIdentityProvider({
      redirectUri: TEST_REDIRECT_URI,
      accounts: { "idp-coord": { email: `coord@${domain}`, email_verified: true } },
    });
    const db = t.database.db;
    organisationId = (await buildOrganisation(db)).id;
    coordinatorId = (await buildCoordinator(db, organisationId, { email: `coord@${domain}` })).id;
    learnerId = (await buildLearner(db, organisationId, { email: `eva@${domain}` })).id;
    coordinatorCookie = await t.signIn(`coord@${domain}`);
    learnerCookie = await t.signIn(`eva@${domain}`);
  });
  afterAll(() => idp.close());

  const view = async () =>
    (await call("GET", "/api/sso/configuration", coordinatorCookie)).json<{
      redirectUri: string;
      configuration: null | {
        enabled: boolean;
        hasClientSecret: boolean;
        lastTest: null | { outcome: string; code: string; detail: string | null; email: string | null };
      };
      coordinators: { id: string }[];
    }>();

  it("requires authentication, and is the coordinator's alone", async () => {
    expect((await call("GET", "/api/sso/configuration", null)).statusCode).toBe(401);
    expect((await call("GET", "/api/sso/configuration", learnerCookie)).statusCode).toBe(403);
    expect((await saveSso(t, learnerCookie, idp, { allowedDomains: [domain] })).statusCode).toBe(403);
  });

  it("shows the redirect address to register before anything is saved", async () => {
    const before = await view();
    expect(before).toMatchObject({ redirectUri: TEST_REDIRECT_URI, configuration: null });
    expect(before.coordinators.map((c) => c.id)).toEqual([coordinatorId]);
  });

  it("asks for the secret the first time and names the field", async () => {
    const answer = await call("PUT", "/api/sso/configuration", coordinatorCookie, {
      issuerUrl: idp.issuer,
      oidcClientId: idp.clientId,
      allowedDomains: [domain],
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors).toMatchObject([{ field: "oidcClientSecret", code: "required" }]);
    expect(answer.json().errors[0].message).toContain("Client secret");
  });

  it("refuses plain http to anything but this machine, and a bad domain", async () => {
    const answer = await call("PUT", "/api/sso/configuration", coordinatorCookie, {
      issuerUrl: "http://login.example.com",
      oidcClientId: "x",
      oidcClientSecret: "y",
      allowedDomains: ["not a domain"],
    });
    expect(answer.statusCode).toBe(400);
    expect(
      answer
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["allowedDomains", "issuerUrl"]);
  });

  it("stores the secret sealed, never shows or audits it, and refuses to switch on before a test", async () => {
    const saved = await saveSso(t, coordinatorCookie, idp, { allowedDomains: [domain] });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain(idp.clientSecret);
    expect(saved.json().configuration).toMatchObject({
      hasClientSecret: true,
      enabled: false,
      lastTest: null,
    });
    const [row] = await t.database.db
      .select()
      .from(ssoConfigurations)
      .where(eq(ssoConfigurations.organisationId, organisationId));
    expect(row!.clientSecretSealed).not.toContain(idp.clientSecret);
    expect(row!.clientSecretSealed).toMatch(/^v1\./);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, organisationId));
    expect(JSON.stringify(audit)).not.toContain(idp.clientSecret);
    expect(audit.map((a) => a.action)).toContain("sso.configured");
    const on = await call("PUT", "/api/sso/enabled", coordinatorCookie, { enabled: true });
    expect(on.statusCode).toBe(409);
    expect(on.json().code).toBe("SSO_NOT_TESTED");
  });

  it("reports the provider's refusal of a wrong secret in its own words", async () => {
    await call("PUT", "/api/sso/configuration", coordinatorCookie, {
      issuerUrl: idp.issuer,
      oidcClientId: idp.clientId,
      oidcClientSecret: "not-the-secret",
      allowedDomains: [domain],
    });
    const back = await runSsoTest(t, coordinatorCookie, idp, "idp-coord");
    expect(back!.headers.location).toBe("/organisation?sso-test=done#sso");
    expect((await view()).configuration!.lastTest).toMatchObject({
      outcome: "failed",
      code: "provider-refused",
      detail: expect.stringContaining("invalid_client"),
    });
  });

  it("reports a provider it cannot reach without leaving the page", async () => {
    await call("PUT", "/api/sso/configuration", coordinatorCookie, {
      issuerUrl: "http://127.0.0.1:9",
      oidcClientId: idp.clientId,
      oidcClientSecret: idp.clientSecret,
      allowedDomains: [domain],
    });
    const start = await call("POST", "/api/sso/test", coordinatorCookie);
    expect(start.json()).toEqual({ redirectTo: null });
    expect((await view()).configuration!.lastTest).toMatchObject({ outcome: "failed", code: "unreachable" });
  });

  it("switches on after a passed test, and off again when the connection changes", async () => {
    await saveSso(t, coordinatorCookie, idp, { allowedDomains: [domain] });
    await runSsoTest(t, coordinatorCookie, idp, "idp-coord");
    expect((await view()).configuration!.lastTest).toMatchObject({
      outcome: "ok",
      code: "trusted",
      email: `coord@${domain}`,
    });
    expect((await call("PUT", "/api/sso/enabled", coordinatorCookie, { enabled: true })).statusCode).toBe(
      200,
    );
    expect((await view()).configuration!.enabled).toBe(true);
    // Only the domains change: it stays on.
    await call("PUT", "/api/sso/configuration", coordinatorCookie, {
      issuerUrl: idp.issuer,
      oidcClientId: idp.clientId,
      allowedDomains: [domain, `extra-${domain}`],
    });
    expect((await view()).configuration!.enabled).toBe(true);
    // Another client id: off, and the test is gone.
    await call("PUT", "/api/sso/configuration", coordinatorCookie, {
      issuerUrl: idp.issuer,
      oidcClientId: "another-client",
      allowedDomains: [domain],
    });
    expect((await view()).configuration).toMatchObject({ enabled: false, lastTest: null });
  });

  it("needs a break-glass coordinator to require single sign-on", async () => {
    const without = await saveSso(t, coordinatorCookie, idp, { allowedDomains: [domain], requireSso: true });
    expect(without.json().errors).toMatchObject([{ field: "breakGlassPersonId", code: "required" }]);
    const learner = await saveSso(t, coordinatorCookie, idp, {
      allowedDomains: [domain],
      requireSso: true,
      breakGlassPersonId: learnerId,
    });
    expect(learner.json().errors).toMatchObject([{ field: "breakGlassPersonId", code: "not_a_coordinator" }]);
  });

  it("removes the settings", async () => {
    expect((await call("DELETE", "/api/sso/configuration", coordinatorCookie)).statusCode).toBe(204);
    expect((await view()).configuration).toBeNull();
  });
});
