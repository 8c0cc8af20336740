import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_ORIGIN, caller, useTestApp } from "../../../test-support/app.ts";
import { buildLearner } from "../../../test-support/factories.ts";
import { outsiderCookie } from "../../../test-support/sign-in.ts";
import { aStatement, lrsCaller, organisationWithXapiClient } from "../../../test-support/xapi.ts";
import { idempotencyKeys, xapiClients } from "../../db/schema/index.ts";
import { Tenant } from "../../db/tenant.ts";
import { issueLaunchCredentials } from "./index.ts";

describe("/api/xapi-clients", () => {
  const t = useTestApp();
  const call = caller(t);
  let setup: Awaited<ReturnType<typeof organisationWithXapiClient>>;

  beforeAll(async () => {
    setup = await organisationWithXapiClient(t);
  });

  it("requires authentication", async () => {
    expect((await call("GET", "/api/xapi-clients", null)).statusCode).toBe(401);
    expect((await call("POST", "/api/xapi-clients", null, { name: "x" })).statusCode).toBe(401);
  });

  it("hides other organisations' data: another coordinator neither lists nor revokes the client", async () => {
    const outsider = await outsiderCookie(t);
    const list = (await call("GET", "/api/xapi-clients", outsider)).json<{ clients: unknown[] }>();
    expect(list.clients).toEqual([]);
    expect((await call("DELETE", `/api/xapi-clients/${setup.clientId}`, outsider)).statusCode).toBe(404);
    const lrs = lrsCaller(t, setup.authorization);
    expect((await lrs("GET", "/xapi/statements?limit=1")).statusCode).toBe(200);
  });

  it("shows the secret once and stores only its SHA-256", async () => {
    const [row] = await t.database.db.select().from(xapiClients).where(eq(xapiClients.id, setup.clientId));
    expect(row!.secretHash).toBe(createHash("sha256").update(setup.secret).digest("hex"));
    const list = await call("GET", "/api/xapi-clients", setup.cookie);
    expect(list.body).not.toContain(setup.secret);
    expect(list.json()).toMatchObject({
      endpoint: `${TEST_ORIGIN}/xapi/`,
      clients: [{ name: "Authoring tool", key: setup.key, revokedAt: null }],
    });
  });

  it("makes one client for a repeated submission and keeps no copy of the secret for the replay", async () => {
    const headers = { origin: TEST_ORIGIN, cookie: setup.cookie, "idempotency-key": `xapi-${randomUUID()}` };
    const send = () =>
      t.app.inject({ method: "POST", url: "/api/xapi-clients", headers, payload: { name: "Twice" } });
    const first = await send();
    const { secret } = first.json<{ secret: string }>();
    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.body).not.toContain(secret);
    const list = (await call("GET", "/api/xapi-clients", setup.cookie)).json<{
      clients: { name: string }[];
    }>();
    expect(list.clients.filter((c) => c.name === "Twice")).toHaveLength(1);
    const stored = await t.database.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, headers["idempotency-key"]));
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it("is for coordinators only: a learner is refused", async () => {
    const learner = await buildLearner(t.database.db, setup.organisation.id);
    const cookie = await t.signIn(learner.email);
    expect((await call("POST", "/api/xapi-clients", cookie, { name: "Mine" })).statusCode).toBe(403);
    expect((await call("GET", "/api/xapi-clients", cookie)).statusCode).toBe(403);
  });

  it("refuses a client without a name, naming the field", async () => {
    const response = await call("POST", "/api/xapi-clients", setup.cookie, { name: "  " });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: "name" });
  });

  it("revokes a client: its credentials stop working at once", async () => {
    const other = await call("POST", "/api/xapi-clients", setup.cookie, { name: "Old LMS" });
    const { id, key, secret } = other.json<{ id: string; key: string; secret: string }>();
    const lrs = lrsCaller(t, `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`);
    expect((await lrs("GET", "/xapi/statements?limit=1")).statusCode).toBe(200);
    expect((await call("DELETE", `/api/xapi-clients/${id}`, setup.cookie)).statusCode).toBe(204);
    expect((await lrs("GET", "/xapi/statements?limit=1")).statusCode).toBe(401);
    const list = (await call("GET", "/api/xapi-clients", setup.cookie)).json<{
      clients: { id: string; revokedAt: string | null }[];
    }>();
    expect(list.clients.find((c) => c.id === id)?.revokedAt).not.toBeNull();
  });
});

describe("issueLaunchCredentials", () => {
  const t = useTestApp();

  it("speaks only for the launched learner, cannot void, and stops working when it expires", async () => {
    const setup = await organisationWithXapiClient(t);
    const learner = await buildLearner(t.database.db, setup.organisation.id);
    const tenant = new Tenant(t.database.db, setup.organisation.id);
    const registration = randomUUID();
    const credentials = await issueLaunchCredentials(tenant, {
      personId: learner.id,
      registration,
      activityId: "https://content.example.test/au/1",
      expiresInMinutes: 30,
      site: TEST_ORIGIN,
      now: t.clock.now,
    });
    const lrs = lrsCaller(t, credentials.authorization);
    const own = { ...aStatement(), actor: credentials.actor, context: { registration } };
    expect((await lrs("POST", "/xapi/statements", { json: own })).statusCode).toBe(200);
    expect((await lrs("POST", "/xapi/statements", { json: aStatement() })).statusCode).toBe(403);
    // Only within the launched registration (cmi5 §9.6.1: an AU's statements carry it).
    const elsewhere = { ...aStatement(), actor: credentials.actor, context: { registration: randomUUID() } };
    expect((await lrs("POST", "/xapi/statements", { json: elsewhere })).statusCode).toBe(403);
    const voiding = {
      context: { registration },
      actor: credentials.actor,
      verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
      object: { objectType: "StatementRef", id: own.id },
    };
    expect((await lrs("POST", "/xapi/statements", { json: voiding })).statusCode).toBe(403);
    // The statement is the learner's: the organisation's client finds it by the learner's account.
    const agent = JSON.stringify(credentials.actor);
    const found = await lrsCaller(t, setup.authorization)(
      "GET",
      `/xapi/statements?agent=${encodeURIComponent(agent)}`,
    );
    expect(found.json().statements.map((s: { id: string }) => s.id)).toEqual([own.id]);

    const before = t.clock.now;
    t.clock.now = new Date(before.getTime() + 31 * 60_000);
    try {
      expect((await lrs("GET", "/xapi/statements?limit=1")).statusCode).toBe(401);
    } finally {
      t.clock.now = before;
    }
  });
});
