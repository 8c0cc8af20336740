import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ORIGIN, caller, useTestApp } from "../../../test-support/app.ts";
import { buildLearner } from "../../../test-support/factories.ts";
import { type LrsPeer, startLrsPeer } from "../../../test-support/lrs-peer.ts";
import { aStatement, basic, lrsCaller, organisationWithXapiClient } from "../../../test-support/xapi.ts";
import { secretSealer } from "../../crypto/secrets.ts";
import { xapiForwarding } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { eraseXapiData, forwardStatements, recordStatement } from "./index.ts";

describe("forwarding statements to an external LRS", () => {
  const t = useTestApp();
  const call = caller(t);
  let peer: LrsPeer;
  let setup: Awaited<ReturnType<typeof organisationWithXapiClient>>;
  const later = (ms: number) => new Date(t.clock.now.getTime() + ms);
  const run = (now = t.clock.now) =>
    forwardStatements(t.database.db, { sealer: () => secretSealer(t.database.db, null), now, settleMs: 0 });
  const state = async () => (await call("GET", "/api/xapi-forwarding", setup.cookie)).json();
  const send = (json: unknown) => lrsCaller(t, setup.authorization)("POST", "/xapi/statements", { json });
  const switchOn = (enabled = true, credentials = { lrsKey: "peer-key", lrsSecret: "peer-secret-42" }) =>
    call("PUT", "/api/xapi-forwarding", setup.cookie, { endpoint: peer.url, ...credentials, enabled });

  beforeAll(async () => {
    peer = await startLrsPeer();
    setup = await organisationWithXapiClient(t);
  });
  afterAll(() => peer.close());

  it("forwards only what is stored after it was switched on, once, in order, after a failure and a retry", async () => {
    await send(aStatement());
    expect((await switchOn()).statusCode).toBe(204);
    const sent = Array.from({ length: 70 }, () => aStatement());
    expect((await send(sent)).statusCode).toBe(200);
    const learner = await buildLearner(t.database.db, setup.organisation.id);
    const tenant = new Tenant(t.database.db, setup.organisation.id);
    const own = {
      personId: learner.id,
      verb: "completed" as const,
      timestamp: t.clock.now,
      stored: t.clock.now,
    };
    await recordStatement(tenant, TEST_ORIGIN, {
      ...own,
      object: { path: "a/1", name: "Les 1", type: "lesson" },
    });
    const voiding = {
      actor: sent[0]!.actor,
      verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
      object: { objectType: "StatementRef", id: sent[0]!.id },
    };
    expect((await send(voiding)).statusCode).toBe(200);
    expect(await state()).toMatchObject({ enabled: true, waiting: 72, lastForwardedAt: null });

    peer.failNext(1, 503, "down for maintenance");
    expect(await run()).toBe(0);
    const failed = await state();
    expect(failed).toMatchObject({ waiting: 72, lastError: { code: "server-error", status: 503 } });
    expect(failed.lastError.detail).toBe("down for maintenance");
    // Backing off: a run before the next attempt sends nothing.
    expect(await run(later(10_000))).toBe(0);
    expect(peer.posts).toBe(1);

    expect(await run(later(31_000))).toBe(72);
    const ids = [...sent.map((s) => s.id)];
    expect(peer.storedIds.slice(0, 70)).toEqual(ids);
    expect(peer.storedIds).toHaveLength(72);
    expect(new Set(peer.storedIds).size).toBe(72);
    expect(peer.authorizations.at(-1)).toBe(basic("peer-key", "peer-secret-42"));
    expect(await state()).toMatchObject({ waiting: 0, lastError: null });
    expect((await state()).lastForwardedAt).not.toBeNull();
    // Nothing is sent twice.
    expect(await run(later(60_000))).toBe(0);
    expect(peer.storedIds).toHaveLength(72);
  });

  it("stops at a batch the external LRS refuses, says why, and goes on when the coordinator saves again", async () => {
    const before = peer.storedIds.length;
    const statement = aStatement();
    await send(statement);
    peer.failNext(1, 400, "statement.context.platform not allowed here");
    expect(await run(later(120_000))).toBe(0);
    expect(await state()).toMatchObject({
      waiting: 1,
      refusal: {
        code: "statements-refused",
        status: 400,
        count: 1,
        detail: "statement.context.platform not allowed here",
      },
    });
    expect(await run(later(3_600_000))).toBe(0);
    expect(peer.posts).toBe(4);
    expect((await switchOn(true, { lrsKey: "", lrsSecret: "" })).statusCode).toBe(204);
    expect(await run(later(3_700_000))).toBe(1);
    expect(peer.storedIds.slice(before)).toEqual([statement.id]);
    expect(await state()).toMatchObject({ refusal: null, waiting: 0 });
  });

  it("backs off on 429, stops on 401 with words about the credentials, and takes 409 as already there", async () => {
    let now = later(5 * 3_600_000);
    const statement = aStatement();
    await send(statement);
    peer.failNext(1, 429, "slow down");
    expect(await run(now)).toBe(0);
    expect(await state()).toMatchObject({ lastError: { code: "busy", status: 429 }, refusal: null });
    now = new Date(now.getTime() + 31_000);
    peer.failNext(1, 401, "unknown key");
    expect(await run(now)).toBe(0);
    expect(await state()).toMatchObject({ refusal: { code: "credentials-refused", status: 401, count: 1 } });
    await switchOn(true, { lrsKey: "", lrsSecret: "" });
    // The other side had stored it after all: 409 means it is there, so the cursor moves on.
    peer.failNext(1, 409, "exists");
    expect(await run(now)).toBe(1);
    expect(await state()).toMatchObject({ waiting: 0, lastError: null, refusal: null });
  });

  it("never forwards statements of a person who was erased before they went", async () => {
    const learner = await buildLearner(t.database.db, setup.organisation.id);
    const mine = { ...aStatement({ email: learner.email }) };
    await send(mine);
    await eraseXapiData(new Tenant(t.database.db, setup.organisation.id), {
      personId: learner.id,
      email: learner.email,
    });
    const other = aStatement();
    await send(other);
    expect(await run(later(7_200_000))).toBe(1);
    expect(peer.storedIds).toContain(other.id);
    expect(peer.storedIds).not.toContain(mine.id);
  });

  it("tests the connection at the external /about and says when nothing answers", async () => {
    const ok = await call("POST", "/api/xapi-forwarding/test", setup.cookie);
    expect(ok.json()).toMatchObject({ ok: true, versions: ["1.0.3", "2.0.0"], problem: null });
    const closed = await startLrsPeer();
    await closed.close();
    await call("PUT", "/api/xapi-forwarding", setup.cookie, { endpoint: closed.url, enabled: true });
    const down = await call("POST", "/api/xapi-forwarding/test", setup.cookie);
    expect(down.json()).toMatchObject({ ok: false, problem: { code: "unreachable" } });
    await switchOn();
  });

  it("keeps the key and secret write-only and sealed", async () => {
    const view = await call("GET", "/api/xapi-forwarding", setup.cookie);
    expect(view.body).not.toContain("peer-secret-42");
    expect(view.body).not.toContain("peer-key");
    const rows = await t.database.db.select().from(xapiForwarding);
    expect(JSON.stringify(rows)).not.toContain("peer-secret-42");
  });

  it("saves once for a repeated submission", async () => {
    const headers = { origin: TEST_ORIGIN, cookie: setup.cookie, "idempotency-key": `fwd-${randomUUID()}` };
    const payload = { endpoint: peer.url, lrsKey: "k2", lrsSecret: "s2", enabled: true };
    const put = () => t.app.inject({ method: "PUT", url: "/api/xapi-forwarding", headers, payload });
    const [first, second] = await Promise.all([put(), put()]);
    expect([first.statusCode, second.statusCode]).toEqual([204, 204]);
    const rows = (await t.database.db.select().from(xapiForwarding)).filter(
      (r) => r.organisationId === setup.organisation.id,
    );
    expect(rows).toHaveLength(1);
  });

  it("refuses bad input by field and changes nothing", async () => {
    const fresh = await organisationWithXapiClient(t);
    const put = (body: object) => call("PUT", "/api/xapi-forwarding", fresh.cookie, body);
    const plain = await put({
      endpoint: "http://lrs.example.com/xapi/",
      lrsKey: "k",
      lrsSecret: "s",
      enabled: true,
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().errors[0]).toMatchObject({ field: "endpoint" });
    expect(plain.json().errors[0].message).toContain("https://");
    const noKey = await put({ endpoint: "https://lrs.example.com/xapi/", enabled: true });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().errors[0]).toMatchObject({ field: "lrsKey" });
    const noSecret = await put({ endpoint: "https://lrs.example.com/xapi/", lrsKey: "k", enabled: true });
    expect(noSecret.json().errors[0]).toMatchObject({ field: "lrsSecret" });
    expect((await call("GET", "/api/xapi-forwarding", fresh.cookie)).json()).toMatchObject({
      configured: false,
    });
  });

  it("is for coordinators only", async () => {
    const learner = await buildLearner(t.database.db, setup.organisation.id);
    const cookie = await t.signIn(learner.email);
    expect((await call("GET", "/api/xapi-forwarding", cookie)).statusCode).toBe(403);
    expect((await call("POST", "/api/xapi-forwarding/test", cookie)).statusCode).toBe(403);
    expect((await call("GET", "/api/xapi-forwarding", null)).statusCode).toBe(401);
  });
});
