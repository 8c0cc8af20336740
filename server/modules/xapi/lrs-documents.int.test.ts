import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test-support/app.ts";
import { lrsCaller, organisationWithXapiClient } from "../../../test-support/xapi.ts";

/**
 * The document resources (State, Activity Profile, Agent Profile) and Agents/Activities of the LRS,
 * through HTTP on the real database, named by the ADL conformance requirements they cover.
 */
describe("/xapi/ document resources", () => {
  const t = useTestApp();
  let lrs: ReturnType<typeof lrsCaller>;

  beforeAll(async () => {
    lrs = lrsCaller(t, (await organisationWithXapiClient(t)).authorization);
  });

  const agent = JSON.stringify({ mbox: "mailto:learner@example.test" });
  const stateUrl = (stateId: string) =>
    `/xapi/activities/state?${new URLSearchParams({ activityId: "https://content.example.test/a", agent, stateId })}`;
  const profileUrl = (profileId: string) =>
    `/xapi/activities/profile?${new URLSearchParams({ activityId: "https://content.example.test/a", profileId })}`;

  it("requires authentication (Communication 4.0)", async () => {
    expect((await lrs("GET", stateUrl("s"), { authorization: null })).statusCode).toBe(401);
  });

  it("hides other organisations' data: another organisation's client cannot read a document", async () => {
    const url = stateUrl(randomUUID());
    await lrs("PUT", url, { json: { page: 3 } });
    const other = lrsCaller(t, (await organisationWithXapiClient(t)).authorization);
    expect((await other("GET", url)).statusCode).toBe(404);
  });

  it("keeps a document with its ETag in quotes, and merges JSON on POST (Communication 2.2.s7)", async () => {
    const url = stateUrl(randomUUID());
    expect((await lrs("PUT", url, { json: { page: 3, score: 1 } })).statusCode).toBe(204);
    expect((await lrs("POST", url, { json: { page: 4 } })).statusCode).toBe(204);
    const got = await lrs("GET", url);
    expect(got.json()).toEqual({ page: 4, score: 1 });
    expect(got.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
    const head = await lrs("HEAD", url);
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe("");
  });

  it("refuses to merge a document that is not a JSON object with 400", async () => {
    const url = stateUrl(randomUUID());
    await lrs("PUT", url, { body: "plain text", contentType: "text/plain" });
    expect((await lrs("POST", url, { json: { page: 1 } })).statusCode).toBe(400);
  });

  it("handles If-Match and If-None-Match, and 409 on a PUT without them over an existing document (XAPI-00322)", async () => {
    const url = profileUrl(randomUUID());
    expect((await lrs("PUT", url, { json: { v: 1 }, headers: { "if-none-match": "*" } })).statusCode).toBe(
      204,
    );
    const { etag } = (await lrs("GET", url)).headers;
    expect((await lrs("PUT", url, { json: { v: 2 } })).statusCode).toBe(409);
    expect((await lrs("PUT", url, { json: { v: 2 }, headers: { "if-match": '"0000"' } })).statusCode).toBe(
      412,
    );
    expect((await lrs("PUT", url, { json: { v: 2 }, headers: { "if-none-match": "*" } })).statusCode).toBe(
      412,
    );
    expect(
      (await lrs("PUT", url, { json: { v: 2 }, headers: { "if-match": String(etag) } })).statusCode,
    ).toBe(204);
    expect((await lrs("GET", url)).json()).toEqual({ v: 2 });
    expect((await lrs("DELETE", url, { headers: { "if-match": String(etag) } })).statusCode).toBe(412);
  });

  it("asks a 1.0.3 profile PUT for a precondition even on a new document (XAPI-00273)", async () => {
    expect(
      (await lrs("PUT", profileUrl(randomUUID()), { json: { v: 1 }, version: "1.0.3" })).statusCode,
    ).toBe(400);
  });

  it("lists state ids and deletes all state of an activity and agent at once", async () => {
    const activityId = `https://content.example.test/${randomUUID()}`;
    const base = { activityId, agent };
    for (const stateId of ["one", "two"])
      await lrs("PUT", `/xapi/activities/state?${new URLSearchParams({ ...base, stateId })}`, {
        json: { stateId },
      });
    const list = await lrs("GET", `/xapi/activities/state?${new URLSearchParams(base)}`);
    expect(list.json<string[]>().toSorted()).toEqual(["one", "two"]);
    expect((await lrs("DELETE", `/xapi/activities/state?${new URLSearchParams(base)}`)).statusCode).toBe(204);
    expect((await lrs("GET", `/xapi/activities/state?${new URLSearchParams(base)}`)).json()).toEqual([]);
  });

  it("refuses a document request without agent, or with an agent that is not JSON (XAPI-00213, XAPI-00197)", async () => {
    const activityId = "https://content.example.test/a";
    expect(
      (await lrs("GET", `/xapi/activities/state?${new URLSearchParams({ activityId, stateId: "s" })}`))
        .statusCode,
    ).toBe(400);
    const notJson = new URLSearchParams({ activityId, stateId: "s", agent: "lotte" });
    expect((await lrs("GET", `/xapi/activities/state?${notJson}`)).statusCode).toBe(400);
  });

  it("keeps agent profiles by agent", async () => {
    const url = `/xapi/agents/profile?${new URLSearchParams({ agent, profileId: "preferences" })}`;
    await lrs("PUT", url, { json: { language: "nl" }, headers: { "if-none-match": "*" } });
    expect((await lrs("GET", url)).json()).toEqual({ language: "nl" });
  });

  it("describes an agent as a Person, and an activity with every language stated (XAPI-00254)", async () => {
    const person = await lrs("GET", `/xapi/agents?${new URLSearchParams({ agent })}`);
    expect(person.json()).toEqual({ objectType: "Person", mbox: ["mailto:learner@example.test"] });
    const activityId = `https://content.example.test/${randomUUID()}`;
    const statement = (language: string, name: string) => ({
      actor: { mbox: "mailto:learner@example.test" },
      verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
      object: { id: activityId, definition: { name: { [language]: name } } },
    });
    await lrs("POST", "/xapi/statements", {
      json: [statement("en-US", "meeting"), statement("nl-NL", "overleg")],
    });
    const activity = await lrs("GET", `/xapi/activities?${new URLSearchParams({ activityId })}`);
    expect(activity.json().definition.name).toEqual({ "en-US": "meeting", "nl-NL": "overleg" });
  });
});
