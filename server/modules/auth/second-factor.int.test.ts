import type { LightMyRequestResponse } from "fastify";
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type {
  AuthenticatorAppSetup,
  FactorAdded,
  MySecondFactors,
  SecondFactorChallenge,
} from "../../../common/schemas/second-factor.ts";
import { auditEvents, secondFactors as secondFactorsTable, sessions } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { caller, useTestApp } from "../../../test-support/app.ts";
import {
  buildCoordinator,
  buildLearner,
  buildOrganisation,
  buildPerson,
} from "../../../test-support/factories.ts";
import { totpOf } from "./second-factor-codes.ts";
import { startSession } from "./sessions.ts";

const STEP = 30_000;

/** The session cookie a response set (a settled second factor gives the browser a new session). */
const sessionCookieOf = (response: LightMyRequestResponse) => {
  const cookie = response.cookies.find((c) => c.name === "beklijf_session");
  return cookie ? `beklijf_session=${cookie.value}` : null;
};
const rememberedCookieOf = (response: LightMyRequestResponse) => {
  const cookie = response.cookies.find((c) => c.name === "beklijf_remembered");
  return cookie ? `beklijf_remembered=${cookie.value}` : null;
};

describe("second factors (passkeys, authenticator app, recovery codes)", () => {
  const t = useTestApp();
  const call = caller(t, "en");
  let org: { id: string };
  let other: { id: string };
  const emails = {
    coordinator: "coord@mu.test",
    colleague: "second@mu.test",
    designer: "designer@mu.test",
    learner: "learner@mu.test",
    app: "app@mu.test",
    outsider: "coord@nu.test",
  };
  const ids = {} as Record<keyof typeof emails, string>;

  beforeAll(async () => {
    const db = t.database.db;
    org = await buildOrganisation(db, { name: "Mu Metaal" });
    other = await buildOrganisation(db, { name: "Nu Nijverheid" });
    ids.coordinator = (await buildCoordinator(db, org.id, { email: emails.coordinator })).id;
    ids.colleague = (await buildCoordinator(db, org.id, { email: emails.colleague })).id;
    ids.designer = (
      await buildPerson(db, { organisationId: org.id, roles: ["designer"], email: emails.designer })
    ).id;
    ids.learner = (await buildLearner(db, org.id, { email: emails.learner })).id;
    ids.app = (await buildLearner(db, org.id, { email: emails.app })).id;
    ids.outsider = (await buildCoordinator(db, other.id, { email: emails.outsider })).id;
  });
  beforeEach(() => {
    t.clock.now = new Date();
  });
  const later = (ms: number) => {
    t.clock.now = new Date(t.clock.now.getTime() + ms);
  };

  /** Sets up an authenticator app for the signed-in `cookie`: its secret and the answer of the confirmation. */
  async function setUpApp(cookie: string, label = "Phone") {
    const setup = (await call("POST", "/api/me/second-factors/totp", cookie)).json<AuthenticatorAppSetup>();
    const code = totpOf(setup.secret, "x").generate({ timestamp: t.clock.now.getTime() });
    const confirmed = await call("POST", "/api/me/second-factors/totp/confirm", cookie, { code, label });
    return { secret: setup.secret, confirmed };
  }
  const codeOf = (secret: string) => totpOf(secret, "x").generate({ timestamp: t.clock.now.getTime() });
  const me = async (cookie: string) =>
    (await call("GET", "/api/me", cookie)).json<{ secondFactor: string | null }>();

  it("requires authentication", async () => {
    expect((await call("GET", "/api/me/second-factors", null)).statusCode).toBe(401);
    expect((await call("POST", "/api/auth/second-factor/totp", null, { code: "123456" })).statusCode).toBe(
      401,
    );
    expect(
      (await call("PUT", "/api/organisation/second-factor", null, { requiredForStaff: true })).statusCode,
    ).toBe(401);
  });

  it("hides other organisations' data", async () => {
    const outsider = await t.signIn(emails.outsider);
    expect((await call("GET", `/api/people/${ids.learner}/second-factor`, outsider)).statusCode).toBe(404);
    expect((await call("DELETE", `/api/people/${ids.learner}/second-factor`, outsider)).statusCode).toBe(404);
  });

  it("sets up an authenticator app, then asks for its code at every sign-in, and never takes a code twice", async () => {
    const first = await t.signIn(emails.app);
    const { secret, confirmed } = await setUpApp(first, "Work phone");
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const codes = confirmed.json<FactorAdded>().recoveryCodes!;
    expect(codes).toHaveLength(10);
    expect(codes[0]).toMatch(/^(\w{4}-){3}\w{4}$/);
    const mine = (await call("GET", "/api/me/second-factors", first)).json<MySecondFactors>();
    expect(mine.factors.map((f) => [f.kind, f.label])).toEqual([["totp", "Work phone"]]);
    expect(mine.recoveryCodesLeft).toBe(10);

    later(STEP);
    const half = await t.signIn(emails.app);
    expect((await me(half)).secondFactor).toBe("verify");
    const home = await call("GET", "/api/home", half);
    expect(home.statusCode).toBe(403);
    expect(home.json().code).toBe("SECOND_FACTOR_PENDING");
    // A password alone must not let anyone add a factor of their own.
    expect((await call("POST", "/api/me/second-factors/totp", half)).statusCode).toBe(403);
    const challenge = (
      await call("POST", "/api/auth/second-factor/start", half)
    ).json<SecondFactorChallenge>();
    expect(challenge).toEqual({ done: false, passkey: false, totp: true, recoveryCodesLeft: 10 });

    const wrong = await call("POST", "/api/auth/second-factor/totp", half, { code: "000000" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: "code", message: expect.stringContaining("Code") });

    const code = codeOf(secret);
    const settled = await call("POST", "/api/auth/second-factor/totp", half, {
      code: code.replace(/(\d{3})/, "$1 "),
    });
    expect(settled.statusCode, settled.body).toBe(200);
    const full = sessionCookieOf(settled)!;
    expect((await call("GET", "/api/home", full)).statusCode).toBe(200);
    expect((await me(full)).secondFactor).toBeNull();
    // The half session ended with it.
    expect((await call("GET", "/api/me", half)).statusCode).toBe(401);

    // The same code, seen over a shoulder, does not work in another sign-in.
    const again = await t.signIn(emails.app);
    expect((await call("POST", "/api/auth/second-factor/totp", again, { code })).statusCode).toBe(400);
  });

  it("lets a recovery code in once, audited, and counts what is left", async () => {
    const first = await t.signIn(emails.learner);
    const codes = (await setUpApp(first)).confirmed.json<FactorAdded>().recoveryCodes!;
    const half = await t.signIn(emails.learner);
    const used = await call("POST", "/api/auth/second-factor/recovery-code", half, {
      recoveryCode: codes[3]!.toUpperCase(),
    });
    expect(used.statusCode, used.body).toBe(200);
    const full = sessionCookieOf(used)!;
    expect(
      (await call("GET", "/api/me/second-factors", full)).json<MySecondFactors>().recoveryCodesLeft,
    ).toBe(9);
    const again = await t.signIn(emails.learner);
    const spent = await call("POST", "/api/auth/second-factor/recovery-code", again, {
      recoveryCode: codes[3],
    });
    expect(spent.statusCode).toBe(400);
    expect(spent.json().errors[0].field).toBe("recoveryCode");
    const audit = await new Tenant(t.database.db, org.id).select(
      auditEvents,
      { action: auditEvents.action },
      and(eq(auditEvents.subjectId, ids.learner), eq(auditEvents.action, "second-factor.recovery-code-used")),
    );
    expect(audit).toHaveLength(1);
  });

  it("settles two tabs sending the same code once", async () => {
    await buildLearner(t.database.db, org.id, { email: "twice@mu.test" });
    const { secret } = await setUpApp(await t.signIn("twice@mu.test"));
    later(STEP);
    const half = await t.signIn("twice@mu.test");
    const code = codeOf(secret);
    const answers = await Promise.all([
      call("POST", "/api/auth/second-factor/totp", half, { code }),
      call("POST", "/api/auth/second-factor/totp", half, { code }),
    ]);
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    expect(answers.every((a) => a.statusCode < 500)).toBe(true);
  });

  it("remembers a device for 30 days when asked, and not after", async () => {
    await buildLearner(t.database.db, org.id, { email: "remember@mu.test" });
    const { secret } = await setUpApp(await t.signIn("remember@mu.test"));
    later(STEP);
    const half = await t.signIn("remember@mu.test");
    const settled = await call("POST", "/api/auth/second-factor/totp", half, {
      code: codeOf(secret),
      rememberDevice: true,
    });
    const device = rememberedCookieOf(settled)!;
    expect(device).toBeTruthy();

    const next = await t.signIn("remember@mu.test");
    const start = await call("POST", "/api/auth/second-factor/start", `${next}; ${device}`);
    expect(start.json<SecondFactorChallenge>().done).toBe(true);
    expect((await call("GET", "/api/home", sessionCookieOf(start)!)).statusCode).toBe(200);

    later(31 * 86_400_000);
    const month = await t.signIn("remember@mu.test");
    const expired = await call("POST", "/api/auth/second-factor/start", `${month}; ${device}`);
    expect(expired.json<SecondFactorChallenge>().done).toBe(false);
  });

  it("owes the factor whichever way the session began (a card, a link, single sign-on)", async () => {
    const tenant = new Tenant(t.database.db, org.id);
    for (const method of ["sign-in-card", "email-link", "sso", "link"] as const) {
      await startSession(tenant, ids.app, t.clock.now, null, method);
    }
    const rows = await tenant.select(
      sessions,
      { method: sessions.method, step: sessions.secondFactor },
      eq(sessions.personId, ids.app),
    );
    for (const method of ["sign-in-card", "email-link", "sso", "link"])
      expect(rows.find((row) => row.method === method)?.step).toBe("verify");
  });

  it("leads coordinators and designers to set up a factor once the organisation requires it, and leaves learners be", async () => {
    const coordinator = await t.signIn(emails.coordinator);
    await buildLearner(t.database.db, org.id, { email: "plain@mu.test" });
    expect(
      (
        await call("PUT", "/api/organisation/second-factor", await t.signIn("plain@mu.test"), {
          requiredForStaff: true,
        })
      ).statusCode,
    ).toBe(403);
    const set = await call("PUT", "/api/organisation/second-factor", coordinator, { requiredForStaff: true });
    expect(set.json()).toEqual({ requiredForStaff: true });

    const designer = await t.signIn(emails.designer);
    expect((await me(designer)).secondFactor).toBe("enrol");
    expect((await call("GET", "/api/trajectories", designer)).statusCode).toBe(403);
    // Proving a factor they do not have is not their step.
    expect((await call("POST", "/api/auth/second-factor/start", designer)).statusCode).toBe(403);
    const { confirmed } = await setUpApp(designer);
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const full = sessionCookieOf(confirmed)!;
    expect((await call("GET", "/api/trajectories", full)).statusCode).toBe(200);
    expect((await me(full)).secondFactor).toBeNull();

    // The last factor stays while it is required.
    const [factor] = (await call("GET", "/api/me/second-factors", full)).json<MySecondFactors>().factors;
    const removal = await call("DELETE", `/api/me/second-factors/${factor!.id}`, full);
    expect(removal.statusCode).toBe(409);
    expect(removal.json().code).toBe("SECOND_FACTOR_STILL_REQUIRED");

    expect((await me(await t.signIn("plain@mu.test"))).secondFactor).toBeNull();
    await call("PUT", "/api/organisation/second-factor", coordinator, { requiredForStaff: false });
  });

  it("lets another coordinator reset a lost factor: audited, the colleague signed out everywhere", async () => {
    const colleague = await t.signIn(emails.colleague);
    await setUpApp(colleague);
    const coordinator = await t.signIn(emails.coordinator);
    expect((await call("GET", `/api/people/${ids.colleague}/second-factor`, coordinator)).json()).toEqual({
      kinds: ["totp"],
      recoveryCodesLeft: 10,
    });
    expect(
      (await call("DELETE", `/api/people/${ids.coordinator}/second-factor`, coordinator)).statusCode,
    ).toBe(409);
    await buildLearner(t.database.db, org.id, { email: "nosy@mu.test" });
    const learner = await t.signIn("nosy@mu.test");
    expect((await call("DELETE", `/api/people/${ids.colleague}/second-factor`, learner)).statusCode).toBe(
      403,
    );
    const reset = await call("DELETE", `/api/people/${ids.colleague}/second-factor`, coordinator);
    expect(reset.statusCode).toBe(204);
    expect((await call("GET", "/api/me", colleague)).statusCode).toBe(401);
    expect((await me(await t.signIn(emails.colleague))).secondFactor).toBeNull();
    const audit = await new Tenant(t.database.db, org.id).select(
      auditEvents,
      { actorId: auditEvents.actorId },
      and(eq(auditEvents.subjectId, ids.colleague), eq(auditEvents.action, "second-factor.reset")),
    );
    expect(audit).toEqual([{ actorId: ids.coordinator }]);
  });

  it("renames and removes a factor; removing the last forgets the recovery codes", async () => {
    await buildLearner(t.database.db, org.id, { email: "tidy@mu.test" });
    const cookie = await t.signIn("tidy@mu.test");
    await setUpApp(cookie);
    const [factor] = (await call("GET", "/api/me/second-factors", cookie)).json<MySecondFactors>().factors;
    expect(
      (await call("PATCH", `/api/me/second-factors/${factor!.id}`, cookie, { label: "  " })).statusCode,
    ).toBe(400);
    expect(
      (await call("PATCH", `/api/me/second-factors/${factor!.id}`, cookie, { label: "Old phone" }))
        .statusCode,
    ).toBe(200);
    expect((await call("DELETE", `/api/me/second-factors/${factor!.id}`, cookie)).statusCode).toBe(204);
    const after = (await call("GET", "/api/me/second-factors", cookie)).json<MySecondFactors>();
    expect(after).toMatchObject({ factors: [], recoveryCodesLeft: 0 });
    expect((await me(await t.signIn("tidy@mu.test"))).secondFactor).toBeNull();
  });

  it("refuses a malformed or forged passkey answer with a clear error, never a 5xx", async () => {
    // The learner set up an app above: this session owes the factor.
    const half = await t.signIn(emails.learner);
    expect(
      (await call("POST", "/api/auth/second-factor/passkey/options", half)).json().challenge,
    ).toBeTruthy();
    const forged = await call("POST", "/api/auth/second-factor/passkey", half, {
      passkey: {
        id: "abc",
        rawId: "abc",
        type: "public-key",
        response: { clientDataJSON: "e30", authenticatorData: "AA", signature: "AA" },
      },
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe("PASSKEY_REFUSED");
    expect(
      (await call("POST", "/api/auth/second-factor/passkey", half, { passkey: "nonsense" })).statusCode,
    ).toBe(400);
  });

  it("shows the factors in the person's data export without a secret, and erasure removes them", async () => {
    await buildLearner(t.database.db, org.id, { email: "gdpr@mu.test" });
    const cookie = await t.signIn("gdpr@mu.test");
    const { secret } = await setUpApp(cookie, "Telefoon");
    const exported = await call("GET", "/api/me/export", cookie);
    expect(exported.json().secondFactors).toEqual([
      expect.objectContaining({ kind: "totp", label: "Telefoon" }),
    ]);
    expect(exported.body).not.toContain(secret);
    const person = (await call("GET", "/api/people", await t.signIn(emails.coordinator))).json<
      { id: string; email: string }[]
    >();
    const id = person.find((p) => p.email === "gdpr@mu.test")!.id;
    const coordinator = await t.signIn(emails.coordinator);
    expect((await call("DELETE", `/api/people/${id}`, coordinator)).statusCode).toBeLessThan(300);
    const left = await new Tenant(t.database.db, org.id).select(
      secondFactorsTable,
      { id: secondFactorsTable.id },
      eq(secondFactorsTable.personId, id),
    );
    expect(left).toEqual([]);
  });
});
