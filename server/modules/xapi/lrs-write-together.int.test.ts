import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test-support/app.ts";
import { aStatement, lrsCaller, organisationWithXapiClient } from "../../../test-support/xapi.ts";

/**
 * Statements of concurrent requests are written by one INSERT (decision 0034). What a client must
 * still see: each request answered only once its statements are stored, all or none of a request,
 * and a conflicting statement refused whichever request it came in.
 */
describe("POST /xapi/statements from many clients at once", () => {
  const t = useTestApp();
  let lrs: ReturnType<typeof lrsCaller>;
  let other: ReturnType<typeof lrsCaller>;

  beforeAll(async () => {
    lrs = lrsCaller(t, (await organisationWithXapiClient(t)).authorization);
    other = lrsCaller(t, (await organisationWithXapiClient(t)).authorization);
  });

  const post = (caller: typeof lrs, json: unknown) => caller("POST", "/xapi/statements", { json });
  const stored = async (caller: typeof lrs, id: string) =>
    (await caller("GET", `/xapi/statements?statementId=${id}`)).statusCode;

  it("requires authentication: concurrent posts without credentials store nothing", async () => {
    const statement = aStatement();
    const answers = await Promise.all(
      [null, null].map((authorization) =>
        lrs("POST", "/xapi/statements", { json: statement, authorization }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([401, 401]);
    expect(await stored(lrs, statement.id)).toBe(404);
  });

  it("hides other organisations' data: statements written together stay with their own organisation", async () => {
    const mine = aStatement({ email: "mine@example.test" });
    const theirs = aStatement({ email: "theirs@example.test" });
    const answers = await Promise.all([post(lrs, mine), post(other, theirs)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(await stored(lrs, mine.id)).toBe(200);
    expect(await stored(lrs, theirs.id)).toBe(404);
    expect(await stored(other, theirs.id)).toBe(200);
  });

  it("answers every one of 30 concurrent posts after its statement is stored", async () => {
    const statements = Array.from({ length: 30 }, (_, n) => aStatement({ email: `c${n}@example.test` }));
    const answers = await Promise.all(statements.map((s) => post(lrs, s)));
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    for (const statement of statements) expect(await stored(lrs, statement.id)).toBe(200);
  });

  it("stores batches without ids whole, each with ids of its own, in the order sent", async () => {
    const batch = () => Array.from({ length: 5 }, () => ({ ...aStatement(), id: undefined }));
    const answers = await Promise.all([post(lrs, batch()), post(lrs, batch())]);
    const ids = answers.map((a) => a.json<string[]>());
    expect(new Set(ids.flat()).size).toBe(10);
    const page = await lrs("GET", "/xapi/statements?limit=10&ascending=false");
    const newest = page.json<{ statements: { id: string }[] }>().statements.map((s) => s.id);
    expect(newest.slice(0, 5).reverse()).toEqual(ids[1]);
  });

  it("accepts the same statement sent twice at once, and refuses other content under its id with 409 (XAPI-00142)", async () => {
    const statement = aStatement();
    const same = await Promise.all([post(lrs, statement), post(lrs, statement)]);
    expect(same.map((a) => a.statusCode)).toEqual([200, 200]);
    const conflicting = aStatement({ verb: "http://adlnet.gov/expapi/verbs/failed" });
    const changed = { ...conflicting, verb: { id: "http://adlnet.gov/expapi/verbs/passed" } };
    const answers = await Promise.all([post(lrs, conflicting), post(lrs, changed)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const kept = await lrs("GET", `/xapi/statements?statementId=${conflicting.id}`);
    const verb = kept.json<{ verb: { id: string } }>().verb.id;
    expect(verb).toBe(answers[0]!.statusCode === 200 ? conflicting.verb.id : changed.verb.id);
  });
});
