import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test-support/app.ts";
import { buildCoordinator, buildOrganisation } from "../../../test-support/factories.ts";
import { startTestIdentityProvider, type TestIdentityProvider } from "../../../test-support/oidc-provider.ts";
import {
  enableSso,
  flowCookieOf,
  sessionCookieOf,
  signInWithSso,
  TEST_REDIRECT_URI,
} from "../../../test-support/sso.ts";
import { createLogger } from "../../logger.ts";

/** Everything the app logs at info level, read back. */
function memoryLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger("info", stream), text: () => lines.join("") };
}

describe("single sign-on in the logs", () => {
  const log = memoryLog();
  const t = useTestApp({ logger: log.logger });
  let idp: TestIdentityProvider;

  beforeAll(async () => {
    idp = await startTestIdentityProvider({
      redirectUri: TEST_REDIRECT_URI,
      accounts: { "idp-lara": { email: "lara@logs-sso.test", email_verified: true } },
    });
    const organisation = await buildOrganisation(t.database.db);
    const coordinator = await buildCoordinator(t.database.db, organisation.id, {
      email: "lara@logs-sso.test",
    });
    await enableSso(t, await t.signIn("lara@logs-sso.test"), idp, {
      allowedDomains: ["logs-sso.test"],
      breakGlassPersonId: coordinator.id,
      testAccount: "idp-lara",
    });
  });
  afterAll(() => idp.close());

  it("never hold the code, the state, the flow cookie, the session or the client secret", async () => {
    const { start, callbackUrl, callback } = await signInWithSso(t, idp, {
      email: "lara@logs-sso.test",
      account: "idp-lara",
    });
    expect(callback!.headers.location).toBe("/");
    const secrets = [
      callbackUrl!.searchParams.get("code")!,
      callbackUrl!.searchParams.get("state")!,
      flowCookieOf(start)!.split("=")[1]!,
      sessionCookieOf(callback)!.split("=")[1]!,
      idp.clientSecret,
    ];
    const written = log.text();
    expect(written).toContain("/api/auth/oidc/callback?code=…");
    for (const secret of secrets) expect(written).not.toContain(secret);
  });
});
