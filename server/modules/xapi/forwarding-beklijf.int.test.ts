import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ORIGIN, type TestApp, caller, createTestApp, useTestApp } from "../../../test-support/app.ts";
import { buildLearner } from "../../../test-support/factories.ts";
import { aStatement, lrsCaller, organisationWithXapiClient } from "../../../test-support/xapi.ts";
import { secretSealer } from "../../crypto/secrets.ts";
import { Tenant } from "../../db/tenant.ts";
import { forwardStatements, recordStatement } from "./index.ts";
import { buildMultipart } from "./multipart.ts";

/** Forwarding into a real second LRS: another Beklijf, listening on loopback with its own database. */
describe("forwarding into a second Beklijf", () => {
  const t = useTestApp();
  let other: TestApp;
  let otherUrl: string;

  beforeAll(async () => {
    other = await createTestApp();
    otherUrl = await other.app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => other.close());

  /** An organisation here forwarding into one there, its connection tested as a coordinator would. */
  async function connected() {
    const here = await organisationWithXapiClient(t);
    const there = await organisationWithXapiClient(other);
    const call = caller(t);
    const saved = await call("PUT", "/api/xapi-forwarding", here.cookie, {
      endpoint: `${otherUrl}/xapi/`,
      lrsKey: there.key,
      lrsSecret: there.secret,
      enabled: true,
    });
    expect(saved.statusCode).toBe(204);
    const tested = await call("POST", "/api/xapi-forwarding/test", here.cookie);
    expect(tested.json()).toMatchObject({ ok: true });
    return { here, there };
  }
  const forward = () =>
    forwardStatements(t.database.db, {
      sealer: () => secretSealer(t.database.db, null),
      now: t.clock.now,
      settleMs: 0,
    });

  it("stores there what was stored here, the same statements in the same order, voiding included", async () => {
    const { here, there } = await connected();

    const sent = [aStatement(), aStatement({ verb: "http://adlnet.gov/expapi/verbs/passed" })];
    const lrs = lrsCaller(t, here.authorization);
    expect((await lrs("POST", "/xapi/statements", { json: sent })).statusCode).toBe(200);
    const learner = await buildLearner(t.database.db, here.organisation.id);
    await recordStatement(new Tenant(t.database.db, here.organisation.id), TEST_ORIGIN, {
      personId: learner.id,
      verb: "completed",
      object: { path: "lesson/1", name: "Les 1", type: "lesson" },
      timestamp: t.clock.now,
      stored: t.clock.now,
    });
    const voiding = {
      actor: sent[0]!.actor,
      verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
      object: { objectType: "StatementRef", id: sent[0]!.id },
    };
    expect((await lrs("POST", "/xapi/statements", { json: voiding })).statusCode).toBe(200);

    expect(await forward()).toBe(4);

    const theirs = lrsCaller(other, there.authorization);
    const list = (await theirs("GET", "/xapi/statements?ascending=true")).json<{
      statements: { id: string; verb: { id: string } }[];
    }>();
    // The voided statement is there, voided: a plain query leaves it out, a voidedStatementId finds it.
    expect(list.statements.map((s) => s.id)).toEqual([sent[1]!.id, expect.any(String), expect.any(String)]);
    expect(list.statements.at(-1)!.verb.id).toBe("http://adlnet.gov/expapi/verbs/voided");
    const voided = await theirs("GET", `/xapi/statements?voidedStatementId=${sent[0]!.id}`);
    expect(voided.statusCode).toBe(200);
    expect((await caller(t)("GET", "/api/xapi-forwarding", here.cookie)).json()).toMatchObject({
      waiting: 0,
      lastError: null,
    });
  });

  it("sends an attachment that came as bytes along with its statement, so the other LRS takes it", async () => {
    const { here, there } = await connected();
    const content = Buffer.from("certificate of attendance, forwarded");
    const sha2 = createHash("sha256").update(content).digest("hex");
    const withFile = {
      ...aStatement(),
      attachments: [
        { usageType: "http://id.tincanapi.com/attachment/certificate", display: { en: "Certificate" } },
      ].map((a) => ({ ...a, contentType: "text/plain", length: content.length, sha2 })),
    };
    const plain = aStatement();
    const multipart = buildMultipart([withFile, plain], [{ sha2, contentType: "text/plain", content }]);
    const lrs = lrsCaller(t, here.authorization);
    const posted = await lrs("POST", "/xapi/statements", {
      body: multipart.body,
      contentType: multipart.contentType,
    });
    expect(posted.statusCode).toBe(200);

    expect(await forward()).toBe(2);
    const theirs = lrsCaller(other, there.authorization);
    const back = await theirs("GET", `/xapi/statements?statementId=${withFile.id}&attachments=true`);
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.includes(content)).toBe(true);
    expect((await theirs("GET", `/xapi/statements?statementId=${plain.id}`)).statusCode).toBe(200);
  });
});
