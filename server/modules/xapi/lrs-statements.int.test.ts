import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import { buildLearner } from "../../../test-support/factories.ts";
import { aStatement, lrsCaller, organisationWithXapiClient } from "../../../test-support/xapi.ts";
import { Tenant } from "../../db/tenant.ts";
import { recordStatement } from "./statements.ts";

/**
 * The Statement resource of the LRS, through HTTP on the real database. Each test names the ADL
 * conformance requirement (XAPI-nnnnn) it covers, so CI catches a regression without the ADL suite.
 */
describe("/xapi/statements", () => {
  const t = useTestApp();
  let lrs: ReturnType<typeof lrsCaller>;
  let organisationId: string;

  beforeAll(async () => {
    const setup = await organisationWithXapiClient(t);
    organisationId = setup.organisation.id;
    lrs = lrsCaller(t, setup.authorization);
  });

  const post = (json: unknown) => lrs("POST", "/xapi/statements", { json });
  const query = async (params: Record<string, string>) => {
    const response = await lrs("GET", `/xapi/statements?${new URLSearchParams(params).toString()}`);
    expect(response.statusCode).toBe(200);
    return response.json<{ statements: { id: string }[]; more: string }>();
  };

  it("requires authentication: no or wrong credentials are refused with 401 (Communication 4.0)", async () => {
    expect((await lrs("GET", "/xapi/statements", { authorization: null })).statusCode).toBe(401);
    const wrong = `Basic ${Buffer.from("nobody:nothing").toString("base64")}`;
    expect(
      (await lrs("POST", "/xapi/statements", { json: aStatement(), authorization: wrong })).statusCode,
    ).toBe(401);
  });

  it("hides other organisations' data: another organisation's client sees none of these statements", async () => {
    const mine = aStatement({ email: "tenant-a@example.test" });
    expect((await post(mine)).statusCode).toBe(200);
    const other = lrsCaller(t, (await organisationWithXapiClient(t)).authorization);
    const byId = await other("GET", `/xapi/statements?statementId=${mine.id}`);
    expect(byId.statusCode).toBe(404);
    const all = await other("GET", "/xapi/statements");
    expect(all.json<{ statements: unknown[] }>().statements).toEqual([]);
  });

  it("refuses a request without X-Experience-API-Version, except About (XAPI-00321, XAPI-00331)", async () => {
    const refused = await lrs("GET", "/xapi/statements", { version: null });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers["x-experience-api-version"]).toMatch(/^(1\.0\.3|2\.0\.0)$/);
    const about = await lrs("GET", "/xapi/about", { version: null, authorization: null });
    expect(about.json()).toEqual({ version: ["1.0.3", "2.0.0"] });
  });

  it("answers in the version family asked: 1.0.3 for 1.0.x, 2.0.0 for 2.0.x", async () => {
    const old = await lrs("GET", "/xapi/statements?limit=1", { version: "1.0.1" });
    expect(old.headers["x-experience-api-version"]).toBe("1.0.3");
    const current = await lrs("GET", "/xapi/statements?limit=1", { version: "2.0.0" });
    expect(current.headers["x-experience-api-version"]).toBe("2.0.0");
  });

  it("stores a batch and returns the ids in order; sets stored, authority, version and timestamp (XAPI-00099)", async () => {
    const first = aStatement();
    const { id: _drop, ...second } = aStatement({ verb: "http://adlnet.gov/expapi/verbs/attempted" });
    const response = await post([first, second]);
    expect(response.statusCode).toBe(200);
    const ids = response.json<string[]>();
    expect(ids[0]).toBe(first.id);
    const stored = await lrs("GET", `/xapi/statements?statementId=${ids[1]}`);
    const body = stored.json<Record<string, unknown>>();
    expect(body).toMatchObject({ id: ids[1], version: "2.0.0", authority: { objectType: "Agent" } });
    expect(body.stored).toEqual(body.timestamp);
    expect(stored.headers["x-experience-api-consistent-through"]).toBeTruthy();
  });

  it("refuses the whole batch when one statement is invalid, storing none (XAPI-00326)", async () => {
    const good = aStatement();
    const bad = { ...aStatement(), verb: { id: "not an iri" } };
    expect((await post([good, bad])).statusCode).toBe(400);
    expect((await lrs("GET", `/xapi/statements?statementId=${good.id}`)).statusCode).toBe(404);
  });

  it("accepts the same statement again but refuses other content under a stored id with 409 (XAPI-00142)", async () => {
    const statement = aStatement();
    expect(
      (await lrs("PUT", `/xapi/statements?statementId=${statement.id}`, { json: statement })).statusCode,
    ).toBe(204);
    expect((await post(statement)).statusCode).toBe(200);
    const changed = { ...statement, verb: { id: "http://adlnet.gov/expapi/verbs/failed" } };
    expect(
      (await lrs("PUT", `/xapi/statements?statementId=${statement.id}`, { json: changed })).statusCode,
    ).toBe(409);
  });

  it("refuses statements breaking the data rules with 400 (XAPI-00064, XAPI-00100, Data 2.4.2 one IFI)", async () => {
    const twoIfis = {
      ...aStatement(),
      actor: { mbox: "mailto:a@example.test", openid: "https://id.example.test/a" },
    };
    const noInteraction = aStatement();
    (noInteraction.object.definition as Record<string, unknown>).correctResponsesPattern = ["a"];
    const groupAuthority = {
      ...aStatement(),
      authority: { objectType: "Group", mbox: "mailto:g@example.test", member: [] },
    };
    const withNull = { ...aStatement(), result: null };
    for (const statement of [twoIfis, noInteraction, groupAuthority, withNull])
      expect((await post(statement)).statusCode).toBe(400);
  });

  it("never answers 5xx on input PostgreSQL cannot store or that is not JSON", async () => {
    const nul = { ...aStatement(), verb: { id: "http://example.test/v", display: { en: "a\u0000b" } } };
    expect((await post(nul)).statusCode).toBe(400);
    expect(
      (await lrs("POST", "/xapi/statements", { body: "{not json", contentType: "application/json" }))
        .statusCode,
    ).toBe(400);
    expect((await lrs("GET", "/xapi/statements?agent=%7B")).statusCode).toBe(400);
    expect((await lrs("GET", "/xapi/statements?more=%%%")).statusCode).toBe(400);
    expect((await lrs("PATCH" as "PUT", "/xapi/statements", { json: {} })).statusCode).toBeLessThan(500);
  });

  it("voids a statement: hidden from queries and statementId, returned by voidedStatementId (XAPI-00018, XAPI-00016)", async () => {
    const target = aStatement({ email: "voided@example.test" });
    await post(target);
    const voiding = {
      actor: target.actor,
      verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
      object: { objectType: "StatementRef", id: target.id },
    };
    const [voidingId] = (await post(voiding)).json<string[]>();
    expect((await lrs("GET", `/xapi/statements?statementId=${target.id}`)).statusCode).toBe(404);
    expect((await lrs("GET", `/xapi/statements?voidedStatementId=${target.id}`)).json()).toMatchObject({
      id: target.id,
    });
    const ids = (
      await query({ agent: JSON.stringify({ mbox: "mailto:voided@example.test" }) })
    ).statements.map((s) => s.id);
    expect(ids).toEqual([voidingId]);
    const voidTheVoid = { ...voiding, object: { objectType: "StatementRef", id: voidingId } };
    expect((await post(voidTheVoid)).statusCode).toBe(400);
  });

  it("filters by agent and verb, and pages with more until it is empty (XAPI-00181, XAPI-00180, XAPI-00173)", async () => {
    const email = `pager-${randomUUID()}@example.test`;
    const verb = "http://adlnet.gov/expapi/verbs/experienced";
    const mine = Array.from({ length: 5 }, () => aStatement({ email, verb }));
    await post([...mine, aStatement({ email }), aStatement({ verb })]);
    const seen: string[] = [];
    let page = await query({ agent: JSON.stringify({ mbox: `mailto:${email}` }), verb, limit: "2" });
    for (;;) {
      seen.push(...page.statements.map((s) => s.id));
      if (!page.more) break;
      const next = await lrs("GET", page.more);
      page = next.json();
    }
    expect(seen.toSorted()).toEqual(mine.map((s) => s.id).toSorted());
    expect(seen).toHaveLength(5);
  });

  it("finds an activity in context with related_activities, and an instructor with related_agents", async () => {
    const parent = `https://content.example.test/${randomUUID()}`;
    const statement = {
      ...aStatement(),
      context: {
        instructor: { mbox: "mailto:trainer@example.test" },
        contextActivities: { parent: { id: parent } },
      },
    };
    await post(statement);
    expect((await query({ activity: parent })).statements).toEqual([]);
    const related = await query({ activity: parent, related_activities: "true" });
    expect(related.statements.map((s) => s.id)).toEqual([statement.id]);
    const byInstructor = await query({
      agent: JSON.stringify({ mbox: "mailto:trainer@example.test" }),
      related_agents: "true",
    });
    expect(byInstructor.statements.map((s) => s.id)).toContain(statement.id);
    const stored = await lrs("GET", `/xapi/statements?statementId=${statement.id}`);
    // A single context activity comes back as an array (XAPI-00096).
    expect(stored.json().context.contextActivities.parent).toEqual([{ id: parent }]);
  });

  it("returns only identifiers with format=ids (XAPI-00171)", async () => {
    const statement = aStatement();
    await post(statement);
    const ids = (await lrs("GET", `/xapi/statements?statementId=${statement.id}&format=ids`)).json();
    expect(ids.actor).toEqual({ objectType: "Agent", mbox: statement.actor.mbox });
    expect(ids.verb).toEqual({ id: statement.verb.id });
    expect(ids.object).toEqual({ id: statement.object.id });
  });

  it("stores attachments sent as multipart/mixed and returns them with attachments=true (XAPI-00167)", async () => {
    const content = Buffer.from("certificate of attendance");
    const sha2 = createHash("sha256").update(content).digest("hex");
    const statement = {
      ...aStatement(),
      attachments: [
        {
          usageType: "http://id.tincanapi.com/attachment/certificate",
          display: { en: "Certificate" },
          contentType: "text/plain",
          length: content.length,
          sha2,
        },
      ],
    };
    const boundary = "beklijf-test-boundary";
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(statement)}\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${sha2}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--`),
    ]);
    const contentType = `multipart/mixed; boundary=${boundary}`;
    expect((await lrs("POST", "/xapi/statements", { body, contentType })).statusCode).toBe(200);
    const back = await lrs("GET", `/xapi/statements?statementId=${statement.id}&attachments=true`);
    expect(back.headers["content-type"]).toMatch(/^multipart\/mixed; boundary=/);
    expect(back.rawPayload.includes(content)).toBe(true);
    const missing = { ...statement, id: randomUUID() };
    expect((await post(missing)).statusCode).toBe(400);
  });

  it("returns Beklijf's own statements to the organisation's clients", async () => {
    const learner = await buildLearner(t.database.db, organisationId);
    const activity = randomUUID();
    const now = new Date();
    await recordStatement(new Tenant(t.database.db, organisationId), TEST_ORIGIN, {
      personId: learner.id,
      verb: "completed",
      object: { path: `activities/${activity}`, name: "Own activity", type: "lesson" },
      timestamp: now,
      stored: now,
    });
    const agent = JSON.stringify({ account: { homePage: TEST_ORIGIN, name: learner.id } });
    const found = await query({ agent, activity: `${TEST_ORIGIN}/xapi/activities/${activity}` });
    expect(found.statements).toHaveLength(1);
  });

  it("answers a CORS preflight from a content origin without credentials", async () => {
    const preflight = await lrs("OPTIONS", "/xapi/statements", {
      authorization: null,
      version: null,
      headers: { origin: "http://localhost:3101", "access-control-request-method": "PUT" },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("http://localhost:3101");
    expect(preflight.headers["access-control-allow-headers"]).toMatch(/X-Experience-API-Version/);
  });
});
