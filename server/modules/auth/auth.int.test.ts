import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { caller, publicPost, signInAttempt, TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import {
  buildCoordinator,
  buildLearner,
  buildOrganisation,
  TEST_PASSWORD,
} from "../../../test-support/factories.ts";
import { tokenIn } from "../../../test-support/smtp-peer.ts";
import { outboxEmails, persons, sessions } from "../../db/schema/index.ts";
import { sendRequestedResetLinks } from "./auth.service.ts";

describe("authentication", () => {
  const t = useTestApp();
  const call = caller(t);
  let orgId: string;

  beforeAll(async () => {
    const org = await buildOrganisation(t.database.db, { name: "Gamma Bouw" });
    orgId = org.id;
    await buildCoordinator(t.database.db, org.id, { email: "coord@gamma.test" });
    await buildLearner(t.database.db, org.id, {
      email: "learner@gamma.test",
      name: "Lars Leerling",
      locale: "en",
    });
  });
  beforeEach(() => {
    t.clock.now = new Date();
  });

  describe("POST /api/auth/sign-in", () => {
    it("sets a secure, http-only, SameSite session cookie on the right password", async () => {
      const response = await signInAttempt(t, "Learner@Gamma.test ", TEST_PASSWORD);
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === "beklijf_session")!;
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe("Lax");
      expect(cookie.path).toBe("/");
      const me = await t.app.inject({
        method: "GET",
        url: "/api/me",
        headers: { cookie: `beklijf_session=${cookie.value}` },
      });
      expect(me.json()).toMatchObject({
        person: { email: "learner@gamma.test", name: "Lars Leerling" },
        roles: ["learner"],
      });
      expect(me.json().organisation.name).toBe("Gamma Bouw");
    });

    it("refuses a wrong password with the same message as an unknown email, in the asked language", async () => {
      const wrong = await signInAttempt(t, "learner@gamma.test", "wrong password", {
        headers: { "accept-language": "en-GB,en;q=0.9" },
      });
      const unknown = await signInAttempt(t, "nobody@gamma.test", "wrong password", {
        headers: { "accept-language": "nl-BE" },
      });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.headers["content-type"]).toContain("application/problem+json");
      expect(wrong.json()).toMatchObject({
        code: "INVALID_CREDENTIALS",
        detail: expect.stringContaining("do not match"),
      });
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json()).toMatchObject({
        code: "INVALID_CREDENTIALS",
        detail: expect.stringContaining("horen niet bij elkaar"),
      });
      expect(wrong.cookies).toHaveLength(0);
    });

    it("names the missing field in the error", async () => {
      const response = await publicPost(
        t,
        "/api/auth/sign-in",
        { email: "learner@gamma.test" },
        { headers: { "accept-language": "en" } },
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        { field: "password", code: "required", message: "Password is required." },
      ]);
    });

    it("refuses a deactivated person", async () => {
      const db = t.database.db;
      await buildLearner(db, orgId, { email: "gone@gamma.test", status: "deactivated" });
      const response = await signInAttempt(t, "gone@gamma.test", TEST_PASSWORD);
      expect(response.statusCode).toBe(401);
    });

    it("slows down guessing per address without locking out the owner elsewhere", async () => {
      const guess = (ip: string) =>
        signInAttempt(t, "coord@gamma.test", "guess-guess", { remoteAddress: ip });
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) codes.push((await guess("10.9.9.9")).statusCode);
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      expect(codes[10]).toBe(429);
      const owner = await signInAttempt(t, "coord@gamma.test", TEST_PASSWORD, { remoteAddress: "10.1.1.1" });
      expect(owner.statusCode).toBe(200);
    });
  });

  it("slows down guessing one account from many IPs, while the owner's own browser still signs in", async () => {
    await buildCoordinator(t.database.db, orgId, { email: "target@gamma.test" });
    const attempt = (ip: string, password: string, device?: string) =>
      signInAttempt(t, "target@gamma.test", password, {
        remoteAddress: ip,
        headers: device ? { cookie: `beklijf_device=${device}` } : {},
      });
    // The owner signed in on their laptop last week: that browser carries a device cookie.
    const earlier = await attempt("10.5.0.1", TEST_PASSWORD);
    const device = earlier.cookies.find((c) => c.name === "beklijf_device")!;
    expect(device.httpOnly).toBe(true);
    // 10 IPs × 10 wrong passwords.
    const codes: number[] = [];
    for (let ip = 0; ip < 10; ip++)
      for (let i = 0; i < 10; i++) codes.push((await attempt(`10.6.0.${ip}`, `guess ${ip}-${i}`)).statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(20);
    expect(codes.filter((c) => c === 429)).toHaveLength(80);
    // The owner's laptop is not held back.
    expect((await attempt("10.5.0.2", TEST_PASSWORD, device.value)).statusCode).toBe(200);
    // A new browser waits like the attacker does, then the right password passes.
    const fresh = await attempt("10.5.0.3", TEST_PASSWORD);
    expect(fresh.statusCode).toBe(429);
    const wait = Number(fresh.headers["retry-after"]);
    expect(wait).toBeGreaterThan(0);
    t.clock.now = new Date(t.clock.now.getTime() + wait * 1000);
    expect((await attempt("10.5.0.3", TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("cannot be fooled by a client that claims another IP in X-Forwarded-For", async () => {
    const guess = (forwardedFor: string) =>
      signInAttempt(t, "learner@gamma.test", "wrong guess", {
        remoteAddress: "10.8.8.8",
        headers: { "x-forwarded-for": forwardedFor },
      });
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await guess(`192.0.2.${i}`)).statusCode);
    expect(codes[10]).toBe(429);
  });

  it("slows down password spraying across many addresses from one IP", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 51; i++) {
      const response = await signInAttempt(t, `spray${i}@gamma.test`, "Welkom01!", {
        remoteAddress: "10.7.7.7",
      });
      codes.push(response.statusCode);
    }
    expect(codes.filter((c) => c === 401)).toHaveLength(50);
    expect(codes[50]).toBe(429);
  });

  describe("CSRF protection for cookie-authenticated writes", () => {
    it("refuses a write from another origin and changes nothing", async () => {
      const cookie = await t.signIn("learner@gamma.test");
      const response = await t.app.inject({
        method: "PATCH",
        url: "/api/me",
        headers: { cookie, origin: "https://evil.example" },
        payload: { name: "Pwned" },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe("CSRF_REJECTED");
      const [row] = await t.database.db.select().from(persons).where(eq(persons.email, "learner@gamma.test"));
      expect(row!.name).toBe("Lars Leerling");
    });

    it("refuses a cookie write that carries neither Origin nor Fetch Metadata", async () => {
      const cookie = await t.signIn("learner@gamma.test");
      const response = await t.app.inject({
        method: "PATCH",
        url: "/api/me",
        headers: { cookie },
        payload: { name: "Pwned" },
      });
      expect(response.statusCode).toBe(403);
    });

    it("accepts Sec-Fetch-Site same-origin and a correct Origin", async () => {
      const cookie = await t.signIn("learner@gamma.test");
      const bySite = await t.app.inject({
        method: "PATCH",
        url: "/api/me",
        headers: { cookie, "sec-fetch-site": "same-origin" },
        payload: { timeZone: "Europe/Brussels" },
      });
      expect(bySite.statusCode).toBe(200);
      const byOrigin = await t.app.inject({
        method: "PATCH",
        url: "/api/me",
        headers: { cookie, origin: TEST_ORIGIN },
        payload: { timeZone: "Europe/Amsterdam" },
      });
      expect(byOrigin.statusCode).toBe(200);
    });
  });

  describe("POST /api/auth/sign-out", () => {
    it("ends the session so the cookie no longer works", async () => {
      const cookie = await t.signIn("learner@gamma.test");
      const out = await call("POST", "/api/auth/sign-out", cookie);
      expect(out.statusCode).toBe(200);
      const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
      expect(me.statusCode).toBe(401);
    });
  });

  describe("forgot password", () => {
    let nextIp = 1;
    async function requestReset(email: string, remoteAddress = `10.0.1.${nextIp++}`): Promise<string | null> {
      const response = await publicPost(t, "/api/auth/forgot-password", { email }, { remoteAddress });
      expect(response.statusCode).toBe(202);
      // The worker's job (auth.send-reset-links) looks the address up and queues the mail.
      await sendRequestedResetLinks(t.database.db, TEST_ORIGIN, t.clock.now);
      const mails = await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, email));
      const latest = mails.sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime())[0];
      return latest ? tokenIn(latest.textBody) : null;
    }

    it("answers the same whether or not the address exists, and mails only real accounts", async () => {
      expect(await requestReset("nobody@gamma.test")).toBeNull();
      expect(await requestReset("learner@gamma.test")).toMatch(/^[\w-]{40,}$/);
    });

    it("limits reset mails per address so nobody can flood an inbox", async () => {
      const ask = () =>
        publicPost(
          t,
          "/api/auth/forgot-password",
          { email: "flood@gamma.test" },
          { remoteAddress: "10.0.2.1" },
        );
      for (let i = 0; i < 5; i++) expect((await ask()).statusCode).toBe(202);
      expect((await ask()).statusCode).toBe(429);
    });

    it("mails in the person's own language", async () => {
      await requestReset("learner@gamma.test");
      const [mail] = await t.database.db
        .select()
        .from(outboxEmails)
        .where(eq(outboxEmails.toAddress, "learner@gamma.test"))
        .limit(1);
      expect(mail!.subject).toBe("Choose a new Beklijf password");
    });

    it("sets a new password once, signs out other sessions, and refuses the link a second time", async () => {
      const oldCookie = await t.signIn("coord@gamma.test");
      const token = (await requestReset("coord@gamma.test"))!;
      const reset = await publicPost(t, "/api/auth/reset-password", {
        token,
        password: "a brand new passphrase",
      });
      expect(reset.statusCode).toBe(200);
      expect(
        (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: oldCookie } })).statusCode,
      ).toBe(401);
      expect(await t.signIn("coord@gamma.test", "a brand new passphrase")).toContain("beklijf_session=");
      const again = await publicPost(t, "/api/auth/reset-password", {
        token,
        password: "yet another passphrase",
      });
      expect(again.statusCode).toBe(410);
      expect(again.json().code).toBe("TOKEN_INVALID");
    });

    it("refuses a link after an hour", async () => {
      const token = (await requestReset("learner@gamma.test"))!;
      t.clock.now = new Date(Date.now() + 61 * 60_000);
      const late = await publicPost(t, "/api/auth/reset-password", {
        token,
        password: "too late passphrase",
      });
      expect(late.statusCode).toBe(410);
    });

    it("refuses a short password and keeps the link usable", async () => {
      const token = (await requestReset("learner@gamma.test"))!;
      const short = await publicPost(
        t,
        "/api/auth/reset-password",
        { token, password: "kort" },
        { headers: { "accept-language": "nl" } },
      );
      expect(short.statusCode).toBe(400);
      expect(short.json().errors[0]).toMatchObject({
        field: "password",
        message: "Wachtwoord moet minstens 10 tekens lang zijn.",
      });
      const ok = await publicPost(t, "/api/auth/reset-password", { token, password: TEST_PASSWORD });
      expect(ok.statusCode).toBe(200);
    });
  });

  it("stores sessions only as hashes", async () => {
    const cookie = await t.signIn("learner@gamma.test");
    const token = cookie.split("=")[1]!;
    const rows = await t.database.db.select().from(sessions);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });
});
