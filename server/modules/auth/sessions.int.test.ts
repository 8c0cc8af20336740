import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionsView } from "../../../common/schemas/auth.ts";
import { caller, signInAttempt, useTestApp } from "../../../test-support/app.ts";
import {
  buildCoordinator,
  buildLearner,
  buildOrganisation,
  TEST_PASSWORD,
} from "../../../test-support/factories.ts";

const PHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const LAPTOP =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const MINUTE = 60_000;
const DAY = 86_400_000;

describe("sessions and the in-app password change", () => {
  const t = useTestApp();
  let nextIp = 1;

  beforeAll(async () => {
    const org = await buildOrganisation(t.database.db, { name: "Eta Elektro" });
    await buildCoordinator(t.database.db, org.id, { email: "coord@eta.test" });
    await buildLearner(t.database.db, org.id, { email: "learner@eta.test" });
    await buildLearner(t.database.db, org.id, { email: "changer@eta.test" });
    await buildLearner(t.database.db, org.id, { email: "devices@eta.test" });
    const other = await buildOrganisation(t.database.db, { name: "Theta Transport" });
    await buildLearner(t.database.db, other.id, { email: "outsider@theta.test" });
  });
  beforeEach(() => {
    t.clock.now = new Date();
  });

  async function signIn(email: string, userAgent = LAPTOP, cookie?: string, password = TEST_PASSWORD) {
    const response = await signInAttempt(t, email, password, {
      remoteAddress: `10.4.0.${nextIp++}`,
      headers: { "user-agent": userAgent, ...(cookie ? { cookie } : {}) },
    });
    expect(response.statusCode, response.body).toBe(200);
    return `beklijf_session=${response.cookies.find((c) => c.name === "beklijf_session")!.value}`;
  }
  const call = caller(t, "nl");
  const me = async (cookie: string) => (await call("GET", "/api/me", cookie)).statusCode;
  const later = (ms: number) => {
    t.clock.now = new Date(t.clock.now.getTime() + ms);
  };
  /** What GET /api/me answers after each wait in turn: 200 while the session lives, then 401. */
  const statusesAfter = async (cookie: string, waits: number[]) => {
    const statuses: number[] = [];
    for (const wait of waits) {
      later(wait);
      statuses.push(await me(cookie));
    }
    return statuses;
  };

  it("requires authentication", async () => {
    expect((await call("GET", "/api/me/sessions", null)).statusCode).toBe(401);
    expect((await call("POST", "/api/me/sessions/sign-out-others", null)).statusCode).toBe(401);
    expect(
      (await call("POST", "/api/me/password", null, { currentPassword: "x", newPassword: "long enough now" }))
        .statusCode,
    ).toBe(401);
  });

  it("hides other organisations' sessions, and cannot end them", async () => {
    const mine = await signIn("learner@eta.test");
    const outsider = await signIn("outsider@theta.test");
    const [session] = (await call("GET", "/api/me/sessions", mine)).json<SessionsView>().sessions;
    const theirs = (await call("GET", "/api/me/sessions", outsider)).json<SessionsView>().sessions;
    expect(theirs.map((s) => s.id)).not.toContain(session!.id);
    expect((await call("DELETE", `/api/me/sessions/${session!.id}`, outsider)).statusCode).toBe(404);
    expect(await me(mine)).toBe(200);
  });

  describe("POST /api/auth/sign-in", () => {
    it("gives a new session on every sign-in and ends the one this browser had", async () => {
      const first = await signIn("learner@eta.test");
      const second = await signIn("learner@eta.test", LAPTOP, first);
      expect(second).not.toBe(first);
      expect(await me(first)).toBe(401);
      expect(await me(second)).toBe(200);
    });
  });

  describe("session lifetime", () => {
    it("signs a coordinator out after 30 minutes without activity, and after 12 hours in all", async () => {
      const idle = await signIn("coord@eta.test");
      expect(await statusesAfter(idle, [29 * MINUTE, 29 * MINUTE, 31 * MINUTE])).toEqual([200, 200, 401]);

      const busy = await signIn("coord@eta.test");
      for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
        later(20 * MINUTE);
        expect(await me(busy)).toBe(200);
      }
      later(20 * MINUTE);
      expect(await me(busy)).toBe(401);
    });

    it("keeps a learner signed in for a week without activity, and at most two weeks", async () => {
      const cookie = await signIn("learner@eta.test");
      expect(await statusesAfter(cookie, [6 * DAY, 6 * DAY, 3 * DAY])).toEqual([200, 200, 401]);

      const idle = await signIn("learner@eta.test");
      later(7 * DAY + MINUTE);
      expect(await me(idle)).toBe(401);
    });
  });

  describe("GET /api/me/sessions", () => {
    it("lists my devices, most recently active first, with this device marked", async () => {
      const phone = await signIn("devices@eta.test", PHONE);
      later(5 * MINUTE);
      const laptop = await signIn("devices@eta.test", LAPTOP);
      const response = await call("GET", "/api/me/sessions", laptop);
      expect(response.statusCode).toBe(200);
      const { sessions } = response.json<SessionsView>();
      expect(sessions).toHaveLength(2);
      expect(sessions[0]).toMatchObject({ browser: "Chrome", os: "Windows", current: true });
      expect(sessions[1]).toMatchObject({ browser: "Safari", os: "iPhone", current: false });
      expect(sessions[1]!.createdAt < sessions[0]!.createdAt).toBe(true);
      expect(response.body).not.toContain("token");
      // Using the phone moves its last activity on (at most once a minute).
      later(2 * MINUTE);
      expect(await me(phone)).toBe(200);
      const again = (await call("GET", "/api/me/sessions", laptop)).json<SessionsView>().sessions;
      expect(again[0]).toMatchObject({ os: "iPhone", lastActiveAt: t.clock.now.toISOString() });
    });
  });

  describe("DELETE /api/me/sessions/:sessionId and sign-out everywhere else", () => {
    it("signs out one other device, then every device but this one", async () => {
      const phone = await signIn("devices@eta.test", PHONE);
      const tablet = await signIn("devices@eta.test", PHONE.replaceAll("iPhone", "iPad"));
      const laptop = await signIn("devices@eta.test", LAPTOP);
      const { sessions } = (await call("GET", "/api/me/sessions", laptop)).json<SessionsView>();
      const tabletSession = sessions.find((s) => s.os === "iPad")!;
      expect((await call("DELETE", `/api/me/sessions/${tabletSession.id}`, laptop)).statusCode).toBe(204);
      expect(await me(tablet)).toBe(401);
      expect(await me(phone)).toBe(200);
      const others = await call("POST", "/api/me/sessions/sign-out-others", laptop);
      expect(others.statusCode).toBe(200);
      expect(others.json().ended).toBeGreaterThanOrEqual(1);
      expect(await me(phone)).toBe(401);
      expect(await me(laptop)).toBe(200);
      const left = (await call("GET", "/api/me/sessions", laptop)).json<SessionsView>().sessions;
      expect(left.map((s) => s.current)).toEqual([true]);
    });
  });

  describe("POST /api/me/password", () => {
    it("refuses a wrong current password and a short new one, in the person's words", async () => {
      const cookie = await signIn("changer@eta.test");
      const wrong = await call("POST", "/api/me/password", cookie, {
        currentPassword: "not my password",
        newPassword: "a fresh long passphrase",
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({
        code: "CURRENT_PASSWORD_WRONG",
        errors: [
          {
            field: "currentPassword",
            message: "Huidig wachtwoord klopt niet. Typ het wachtwoord waarmee je nu inlogt.",
          },
        ],
      });
      const short = await call("POST", "/api/me/password", cookie, {
        currentPassword: TEST_PASSWORD,
        newPassword: "kort",
      });
      expect(short.statusCode).toBe(400);
      expect(short.json().errors[0]).toMatchObject({
        field: "newPassword",
        message: "Nieuw wachtwoord moet minstens 10 tekens lang zijn.",
      });
      expect(await me(cookie)).toBe(200);
    });

    it("changes the password, keeps this device signed in and signs out every other", async () => {
      const phone = await signIn("changer@eta.test", PHONE);
      const laptop = await signIn("changer@eta.test", LAPTOP);
      const changed = await call("POST", "/api/me/password", laptop, {
        currentPassword: TEST_PASSWORD,
        newPassword: "a fresh long passphrase",
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().endedSessions).toBeGreaterThanOrEqual(1);
      expect(await me(phone)).toBe(401);
      expect(await me(laptop)).toBe(200);
      await signIn("changer@eta.test", LAPTOP, undefined, "a fresh long passphrase");
    });
  });
});
