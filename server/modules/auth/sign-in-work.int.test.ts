import * as argon2 from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { publicPost, signInAttempt, TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import { buildLearner, buildOrganisation, TEST_PASSWORD } from "../../../test-support/factories.ts";
import { outboxEmails, passwordResetRequests } from "../../db/schema/index.ts";
import { sendRequestedResetLinks } from "./auth.service.ts";

// Count argon2 verifications without changing them: the test asserts the work done, not the clock.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof argon2>();
  return { ...actual, verify: vi.fn(actual.verify) };
});

/**
 * Response times must not tell which addresses have an account (ASVS 5.0 V6.3). Rather than time
 * requests, these tests check that every kind of address takes the same path.
 */
describe("sign-in and forgot-password do the same work for every address", () => {
  const t = useTestApp();
  let nextIp = 1;

  beforeAll(async () => {
    const org = await buildOrganisation(t.database.db, { name: "Zeta Zorg" });
    await buildLearner(t.database.db, org.id, { email: "active@zeta.test" });
    // Active, but has never chosen a password (for example an imported account).
    await buildLearner(t.database.db, org.id, { email: "nopassword@zeta.test", withPassword: false });
    await buildLearner(t.database.db, org.id, { email: "gone@zeta.test", status: "deactivated" });
  });

  const signIn = (email: string, password: string) =>
    signInAttempt(t, email, password, { remoteAddress: `10.3.0.${nextIp++}` });

  it("verifies exactly one argon2 hash for a wrong password, an unknown, a deactivated and a password-less account", async () => {
    const verify = vi.mocked(argon2.verify);
    const verifications: Record<string, number> = {};
    for (const email of ["active@zeta.test", "nobody@zeta.test", "gone@zeta.test", "nopassword@zeta.test"]) {
      verify.mockClear();
      const response = await signIn(email, "not the password at all");
      expect(response.statusCode, email).toBe(401);
      expect(response.json().code, email).toBe("INVALID_CREDENTIALS");
      verifications[email] = verify.mock.calls.length;
    }
    expect(verifications).toEqual({
      "active@zeta.test": 1,
      "nobody@zeta.test": 1,
      "gone@zeta.test": 1,
      "nopassword@zeta.test": 1,
    });
    verify.mockClear();
    expect((await signIn("active@zeta.test", TEST_PASSWORD)).statusCode).toBe(200);
    expect(verify.mock.calls).toHaveLength(1);
  });

  it("answers a reset request the same way for a known and an unknown address, and mails only later", async () => {
    for (const email of ["active@zeta.test", "nobody@zeta.test"]) {
      const response = await publicPost(
        t,
        "/api/auth/forgot-password",
        { email },
        { remoteAddress: `10.3.1.${nextIp++}` },
      );
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual({ ok: true });
    }
    // The request only queued both addresses; it did not look either of them up.
    expect((await t.database.db.select().from(passwordResetRequests)).map((r) => r.email).sort()).toEqual([
      "active@zeta.test",
      "nobody@zeta.test",
    ]);
    expect(await t.database.db.select().from(outboxEmails)).toHaveLength(0);
    expect(await sendRequestedResetLinks(t.database.db, TEST_ORIGIN, t.clock.now)).toBe(2);
    const mails = await t.database.db.select().from(outboxEmails);
    expect(mails.map((m) => m.toAddress)).toEqual(["active@zeta.test"]);
    expect(await t.database.db.select().from(passwordResetRequests)).toHaveLength(0);
    expect(
      await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, "nobody@zeta.test")),
    ).toHaveLength(0);
  });
});
