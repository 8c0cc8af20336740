import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caller, publicPost, signInAttempt, useTestApp } from "../../../test-support/app.ts";
import { pdfLinks } from "../../../test-support/pdf-text.ts";
import { buildCoordinator, buildLearner, buildOrganisation } from "../../../test-support/factories.ts";
import { startTestIdentityProvider, type TestIdentityProvider } from "../../../test-support/oidc-provider.ts";
import {
  callBack,
  enableSso,
  flowCookieOf,
  loginAtProvider,
  sessionCookieOf,
  signInWithSso,
  TEST_REDIRECT_URI,
} from "../../../test-support/sso.ts";
import { auditEvents, personRoles, persons, ssoIdentities } from "../../db/schema/index.ts";
import { secretSealer } from "../../crypto/secrets.ts";
import { openFlow, sealFlow } from "./flow-state.ts";

describe("signing in with the organisation account (OpenID Connect)", () => {
  const t = useTestApp();
  const call = caller(t);
  let idp: TestIdentityProvider;
  const domain = `jansen-${randomBytes(3).toString("hex")}.test`;
  const at = (name: string) => `${name}@${domain}`;
  let organisationId: string;
  let coordinator: { id: string };
  let coordinatorCookie: string;
  let eva: { id: string };

  beforeAll(async () => {
    idp = await startTestIdentityProvider({
      redirectUri: TEST_REDIRECT_URI,
      accounts: {
        "idp-coord": { email: at("coord"), email_verified: true, name: "Cor Coördinator" },
        "idp-eva": { email: at("eva"), email_verified: true, name: "Eva Jansen" },
        "idp-unverified": { email: at("ursula"), email_verified: false },
        "idp-outsider": { email: "olaf@elsewhere.test", email_verified: true },
        "idp-newbie": { email: at("nina"), email_verified: true, given_name: "Nina", family_name: "Nieuw" },
        "idp-dirk": { email: at("dirk"), email_verified: true },
      },
    });
    const db = t.database.db;
    organisationId = (await buildOrganisation(db, { name: "Jansen Installatie" })).id;
    coordinator = await buildCoordinator(db, organisationId, { email: at("coord") });
    eva = await buildLearner(db, organisationId, { email: at("eva"), name: "Eva Jansen" });
    await buildLearner(db, organisationId, { email: at("dirk"), status: "deactivated" });
    coordinatorCookie = await t.signIn(at("coord"));
    await enableSso(t, coordinatorCookie, idp, {
      allowedDomains: [domain],
      testAccount: "idp-coord",
      breakGlassPersonId: coordinator.id,
    });
  });
  afterAll(() => idp?.close());

  const me = async (cookie: string | null) =>
    (await call("GET", "/api/me", cookie)).json<{ person?: { id: string; email: string } }>().person ?? {
      id: undefined,
      email: undefined,
    };

  /** The saved settings as the form sends them back (the secret left empty: kept). */
  async function currentSettings() {
    const { configuration } = (await call("GET", "/api/sso/configuration", coordinatorCookie)).json<{
      configuration: {
        issuerUrl: string;
        oidcClientId: string;
        allowedDomains: string[];
        allowJustInTime: boolean;
      };
    }>();
    const { issuerUrl, oidcClientId, allowedDomains, allowJustInTime } = configuration;
    return { issuerUrl, oidcClientId, allowedDomains, allowJustInTime };
  }

  it("signs a known person in and links their account at the provider", async () => {
    const { callback, location } = await signInWithSso(t, idp, { email: at("eva"), account: "idp-eva" });
    expect(location).toBe("/");
    const cookie = sessionCookieOf(callback);
    expect((await me(cookie)).email).toBe(at("eva"));
    const links = await t.database.db.select().from(ssoIdentities).where(eq(ssoIdentities.personId, eva.id));
    expect(links).toMatchObject([{ issuer: idp.issuer, subject: "idp-eva" }]);
    const audit = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, organisationId), eq(auditEvents.subjectId, eva.id)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["sso.linked", "sso.signed-in"]));
    // Her session list says how this session began.
    const mine = (await call("GET", "/api/me/sessions", cookie)).json<{
      sessions: { method: string | null }[];
    }>();
    expect(mine.sessions.map((s) => s.method)).toContain("sso");
  });

  it("starts from the organisation's own link, and names the ways in by domain only", async () => {
    const view = (await call("GET", "/api/sso/configuration", coordinatorCookie)).json<{
      signInLink: string;
    }>();
    expect(view.signInLink).toMatch(/\/api\/auth\/oidc\/jansen-installatie\/start$/);
    const direct = await t.app.inject({ method: "GET", url: "/api/auth/oidc/jansen-installatie/start" });
    expect(direct.statusCode).toBe(302);
    expect(direct.headers.location).toMatch(new RegExp(`^${idp.issuer}`));
    const unknown = await t.app.inject({ method: "GET", url: "/api/auth/oidc/nobody-here/start" });
    expect(unknown.headers.location).toBe("/sign-in?sso=unavailable");
    const bad = await t.app.inject({ method: "GET", url: "/api/auth/oidc/Not%20A%20Slug/start" });
    expect(bad.statusCode).toBe(400);

    const methods = async (email: string) =>
      (
        await t.app.inject({ method: "GET", url: `/api/auth/methods?email=${encodeURIComponent(email)}` })
      ).json();
    // An address with an account and one without answer alike: the domain decides.
    expect(await methods(at("eva"))).toEqual({
      methods: ["password", "email-link", "oidc"],
      oidcRequired: false,
    });
    expect(await methods(at("nobody-by-this-name"))).toEqual(await methods(at("eva")));
    expect(await methods("someone@elsewhere.test")).toEqual({
      methods: ["password", "email-link"],
      oidcRequired: false,
    });
  });

  it("keeps the person when their address changes at the provider", async () => {
    await signInWithSso(t, idp, { email: at("eva"), account: "idp-eva" });
    idp.accounts.set("idp-eva", { email: at("eva.jansen"), email_verified: true });
    const { callback } = await signInWithSso(t, idp, { email: at("eva.jansen"), account: "idp-eva" });
    expect((await me(sessionCookieOf(callback))).id).toBe(eva.id);
    idp.accounts.set("idp-eva", { email: at("eva"), email_verified: true, name: "Eva Jansen" });
  });

  it("refuses a tampered state, and a flow from another browser", async () => {
    const start = await t.app.inject({ method: "GET", url: `/api/auth/oidc/start?email=${at("eva")}` });
    const back = await loginAtProvider(idp, String(start.headers.location), "idp-eva");
    back.searchParams.set("state", "tampered-state-value");
    const tampered = await callBack(t, back, flowCookieOf(start)!);
    expect(tampered.headers.location).toBe("/sign-in?sso=failed");
    expect(sessionCookieOf(tampered)).toBeNull();

    const start2 = await t.app.inject({ method: "GET", url: `/api/auth/oidc/start?email=${at("eva")}` });
    const back2 = await loginAtProvider(idp, String(start2.headers.location), "idp-eva");
    const elsewhere = await callBack(t, back2, "");
    expect(elsewhere.headers.location).toBe("/sign-in?sso=expired");
  });

  it("refuses a wrong PKCE verifier and a wrong nonce", async () => {
    const sealer = await secretSealer(t.database.db, null);
    for (const field of ["codeVerifier", "nonce"] as const) {
      const start = await t.app.inject({ method: "GET", url: `/api/auth/oidc/start?email=${at("eva")}` });
      const back = await loginAtProvider(idp, String(start.headers.location), "idp-eva");
      const flow = openFlow(sealer, flowCookieOf(start)!.split("=")[1], t.clock.now)!;
      const forged = sealFlow(sealer, flow, { ...flow, [field]: "x".repeat(64) }, t.clock.now);
      const answer = await callBack(t, back, `beklijf_sso=${forged}`);
      expect(answer.headers.location, field).toBe("/sign-in?sso=failed");
      expect(sessionCookieOf(answer), field).toBeNull();
    }
  });

  it("refuses a code used twice", async () => {
    const start = await t.app.inject({ method: "GET", url: `/api/auth/oidc/start?email=${at("eva")}` });
    const back = await loginAtProvider(idp, String(start.headers.location), "idp-eva");
    expect((await callBack(t, back, flowCookieOf(start)!)).headers.location).toBe("/");
    const replay = await callBack(t, back, flowCookieOf(start)!);
    expect(replay.headers.location).toBe("/sign-in?sso=failed");
  });

  it("refuses a code that expired at the provider", async () => {
    idp.codeTtlSeconds = 1;
    const start = await t.app.inject({ method: "GET", url: `/api/auth/oidc/start?email=${at("eva")}` });
    const back = await loginAtProvider(idp, String(start.headers.location), "idp-eva");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const late = await callBack(t, back, flowCookieOf(start)!);
    idp.codeTtlSeconds = 60;
    expect(late.headers.location).toBe("/sign-in?sso=failed");
    expect(sessionCookieOf(late)).toBeNull();
  });

  it("refuses an ID token signed for another audience or by another issuer", async () => {
    for (const change of [{ aud: "someone-else" }, { iss: "https://evil.example" }]) {
      idp.tamperIdToken = (claims) => ({ ...claims, ...change });
      const { location, callback } = await signInWithSso(t, idp, { email: at("eva"), account: "idp-eva" });
      expect(location, JSON.stringify(change)).toBe("/sign-in?sso=failed");
      expect(sessionCookieOf(callback)).toBeNull();
    }
    idp.tamperIdToken = null;
  });

  it("refuses an unverified address, an address outside the domains and a deactivated person", async () => {
    const cases = [
      ["idp-unverified", "/sign-in?sso=unverified"],
      ["idp-outsider", "/sign-in?sso=domain"],
      ["idp-dirk", "/sign-in?sso=deactivated"],
    ] as const;
    for (const [account, expected] of cases) {
      const { location, callback } = await signInWithSso(t, idp, { email: at("eva"), account });
      expect(location, account).toBe(expected);
      expect(sessionCookieOf(callback)).toBeNull();
    }
  });

  it("refuses an unknown person, or creates them as a learner when the coordinator allows it", async () => {
    expect((await signInWithSso(t, idp, { email: at("nina"), account: "idp-newbie" })).location).toBe(
      "/sign-in?sso=unknown",
    );
    const saved = await call("PUT", "/api/sso/configuration", coordinatorCookie, {
      ...(await currentSettings()),
      allowJustInTime: true,
      breakGlassPersonId: coordinator.id,
    });
    expect(saved.json<{ configuration: { enabled: boolean } }>().configuration.enabled).toBe(true);
    const { callback, location } = await signInWithSso(t, idp, { email: at("nina"), account: "idp-newbie" });
    expect(location).toBe("/");
    const nina = await me(sessionCookieOf(callback));
    expect(nina.email).toBe(at("nina"));
    const [created] = await t.database.db.select().from(persons).where(eq(persons.id, nina.id!));
    expect(created).toMatchObject({ name: "Nina Nieuw", status: "active", organisationId });
    const roles = await t.database.db.select().from(personRoles).where(eq(personRoles.personId, nina.id!));
    expect(roles.map((r) => r.role)).toEqual(["learner"]);
  });

  it("requires the organisation account for everyone but the break-glass coordinator", async () => {
    // A sign-in card printed before the rule is no way around it afterwards.
    const printed = await call("POST", `/api/people/${eva.id}/sign-in-card`, coordinatorCookie, {
      validMonths: null,
    });
    expect(printed.statusCode).toBe(200);
    const [cardLink] = await pdfLinks(printed.rawPayload);
    const cardToken = new URL(cardLink!).hash.replace("#token=", "");
    const required = await call("PUT", "/api/sso/configuration", coordinatorCookie, {
      ...(await currentSettings()),
      requireSso: true,
      breakGlassPersonId: coordinator.id,
    });
    expect(required.statusCode).toBe(200);
    const refused = await signInAttempt(t, at("eva"), "correct horse battery");
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: "SSO_REQUIRED" });
    expect((await signInAttempt(t, at("coord"), "correct horse battery")).statusCode).toBe(200);
    const card = await publicPost(t, "/api/auth/sign-in-card", { token: cardToken });
    expect(card.statusCode).toBe(403);
    expect(card.json()).toMatchObject({ code: "SSO_REQUIRED" });
    expect((await signInWithSso(t, idp, { email: at("eva"), account: "idp-eva" })).location).toBe("/");
  });

  it("refuses a second provider account for a linked person until the coordinator unlinks the first", async () => {
    await signInWithSso(t, idp, { email: at("eva"), account: "idp-eva" });
    idp.accounts.set("idp-eva-again", { email: at("eva"), email_verified: true });
    expect((await signInWithSso(t, idp, { email: at("eva"), account: "idp-eva-again" })).location).toBe(
      "/sign-in?sso=conflict",
    );
    const url = `/api/sso/people/${eva.id}/accounts`;
    expect((await call("GET", url, coordinatorCookie)).json()).toMatchObject({
      accounts: [{ issuer: idp.issuer, linkedAt: expect.any(String) }],
    });
    expect((await call("DELETE", url, coordinatorCookie)).statusCode).toBe(204);
    const { callback } = await signInWithSso(t, idp, { email: at("eva"), account: "idp-eva-again" });
    expect((await me(sessionCookieOf(callback))).id).toBe(eva.id);
    // The first account is now the stranger: refused, Eva keeps the one she uses.
    expect((await signInWithSso(t, idp, { email: at("eva"), account: "idp-eva" })).location).toBe(
      "/sign-in?sso=conflict",
    );
  });

  it("never signs someone in through another organisation's configuration", async () => {
    const db = t.database.db;
    const otherDomain = `beta-${randomBytes(3).toString("hex")}.test`;
    const beta = await buildOrganisation(db, { name: "Beta Techniek" });
    const betaCoordinator = await buildCoordinator(db, beta.id, { email: `coord@${otherDomain}` });
    const betaCookie = await t.signIn(`coord@${otherDomain}`);
    idp.accounts.set("idp-beta", { email: `coord@${otherDomain}`, email_verified: true });
    // Beta cannot take Jansen's domain…
    const taken = await call("PUT", "/api/sso/configuration", betaCookie, {
      issuerUrl: idp.issuer,
      oidcClientId: idp.clientId,
      oidcClientSecret: idp.clientSecret,
      allowedDomains: [domain],
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().errors[0]).toMatchObject({ field: "allowedDomains", code: "domain_taken" });
    // …and Eva, linked in Jansen, coming in through Beta's configuration is not Jansen's Eva there.
    await enableSso(t, betaCookie, idp, {
      allowedDomains: [otherDomain],
      allowJustInTime: true,
      breakGlassPersonId: betaCoordinator.id,
      testAccount: "idp-beta",
    });
    const { location, callback } = await signInWithSso(t, idp, {
      email: `x@${otherDomain}`,
      account: "idp-eva",
    });
    expect(location).toBe("/sign-in?sso=domain");
    expect(sessionCookieOf(callback)).toBeNull();
    const betaPeople = await db.select().from(persons).where(eq(persons.organisationId, beta.id));
    expect(betaPeople.map((p) => p.email)).toEqual([`coord@${otherDomain}`]);
  });

  it("says so when the domain has no sign-in, or the provider cannot be reached", async () => {
    const none = await t.app.inject({
      method: "GET",
      url: "/api/auth/oidc/start?email=someone@nowhere.test",
    });
    expect(none.headers.location).toBe("/sign-in?sso=unavailable");
    await idp.close();
    const down = await t.app.inject({ method: "GET", url: `/api/auth/oidc/start?email=${at("eva")}` });
    expect(down.headers.location).toBe("/sign-in?sso=unreachable");
    // The break-glass coordinator still gets in with a password.
    expect((await signInAttempt(t, at("coord"), "correct horse battery")).statusCode).toBe(200);
  });
});
