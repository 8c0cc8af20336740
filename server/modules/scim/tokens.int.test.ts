import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_ORIGIN, caller, useTestApp } from "../../../test-support/app.ts";
import { buildLearner } from "../../../test-support/factories.ts";
import { outsiderCookie } from "../../../test-support/sign-in.ts";
import { auditEvents, idempotencyKeys, scimTokens } from "../../db/schema/index.ts";
import { organisationWithScimToken, scimCaller } from "../../../test-support/scim.ts";

type Tokens = {
  endpoint: string;
  tokens: { id: string; name: string; revokedAt: string | null; lastUsedAt: string | null }[];
};

describe("/api/scim-tokens", () => {
  const t = useTestApp();
  const call = caller(t);
  let setup: Awaited<ReturnType<typeof organisationWithScimToken>>;

  beforeAll(async () => {
    setup = await organisationWithScimToken(t);
  });

  it("requires authentication", async () => {
    expect((await call("GET", "/api/scim-tokens", null)).statusCode).toBe(401);
    expect((await call("POST", "/api/scim-tokens", null, { name: "x" })).statusCode).toBe(401);
    expect((await call("DELETE", `/api/scim-tokens/${setup.tokenId}`, null)).statusCode).toBe(401);
  });

  it("hides other organisations' data: another coordinator neither lists nor revokes the token", async () => {
    const outsider = await outsiderCookie(t);
    expect((await call("GET", "/api/scim-tokens", outsider)).json<Tokens>().tokens).toEqual([]);
    expect((await call("DELETE", `/api/scim-tokens/${setup.tokenId}`, outsider)).statusCode).toBe(404);
    expect((await scimCaller(t, setup.token)("GET", "/Users")).statusCode).toBe(200);
  });

  it("shows the token once and stores only its SHA-256", async () => {
    const [row] = await t.database.db.select().from(scimTokens).where(eq(scimTokens.id, setup.tokenId));
    expect(row!.tokenHash).toBe(createHash("sha256").update(setup.token).digest("hex"));
    const list = await call("GET", "/api/scim-tokens", setup.cookie);
    expect(list.body).not.toContain(setup.token);
    expect(list.json<Tokens>()).toMatchObject({
      endpoint: `${TEST_ORIGIN}/scim/v2`,
      tokens: [{ name: "Entra ID", revokedAt: null }],
    });
  });

  it("notes when the directory last used the token", async () => {
    await scimCaller(t, setup.token)("GET", "/ServiceProviderConfig");
    const list = (await call("GET", "/api/scim-tokens", setup.cookie)).json<Tokens>();
    expect(list.tokens.find((tk) => tk.id === setup.tokenId)?.lastUsedAt).not.toBeNull();
  });

  it("makes one token for a repeated submission and keeps no copy of it for the replay", async () => {
    const headers = { origin: TEST_ORIGIN, cookie: setup.cookie, "idempotency-key": `scim-${randomUUID()}` };
    const send = () =>
      t.app.inject({ method: "POST", url: "/api/scim-tokens", headers, payload: { name: "Twice" } });
    const { token } = (await send()).json<{ token: string }>();
    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.body).not.toContain(token);
    const list = (await call("GET", "/api/scim-tokens", setup.cookie)).json<Tokens>();
    expect(list.tokens.filter((tk) => tk.name === "Twice")).toHaveLength(1);
    const stored = await t.database.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, headers["idempotency-key"]));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("is for coordinators only: a learner is refused", async () => {
    const learner = await buildLearner(t.database.db, setup.organisation.id);
    const cookie = await t.signIn(learner.email);
    expect((await call("GET", "/api/scim-tokens", cookie)).statusCode).toBe(403);
    expect((await call("POST", "/api/scim-tokens", cookie, { name: "Mine" })).statusCode).toBe(403);
  });

  it("refuses a token without a name, naming the field", async () => {
    const response = await call("POST", "/api/scim-tokens", setup.cookie, { name: " " });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: "name" });
  });

  it("revokes a token: the directory's next request is refused, and it is audited", async () => {
    const created = (await call("POST", "/api/scim-tokens", setup.cookie, { name: "Old directory" })).json<{
      id: string;
      token: string;
    }>();
    const scim = scimCaller(t, created.token);
    expect((await scim("GET", "/Users")).statusCode).toBe(200);
    expect((await call("DELETE", `/api/scim-tokens/${created.id}`, setup.cookie)).statusCode).toBe(204);
    expect((await scim("GET", "/Users")).statusCode).toBe(401);
    expect((await call("DELETE", `/api/scim-tokens/${created.id}`, setup.cookie)).statusCode).toBe(204);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, created.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["scim-token.create", "scim-token.revoke"]);
  });
});
