import { describe, expect, it } from "vitest";
import { TEST_ORIGIN, useTestApp } from "../../../test-support/app.ts";
import { lrsCaller, organisationWithXapiClient } from "../../../test-support/xapi.ts";

/**
 * The `/xapi/` routes are not in the OpenAPI document the hostile-input harness walks (the xAPI spec
 * describes them), so they get their own: every resource and method with input no field may hold,
 * malformed JSON and multipart, wrong types and absurd parameters. No answer may be a 5xx.
 */
const resources = [
  "statements",
  "activities/state",
  "activities/profile",
  "agents/profile",
  "agents",
  "activities",
  "about",
  "nothing-here",
];
const methods = ["GET", "HEAD", "PUT", "POST", "DELETE"] as const;
const agent = encodeURIComponent(JSON.stringify({ mbox: "mailto:a@example.test" }));
const queries = [
  "",
  "?statementId=not-a-uuid",
  "?agent=%7B%22mbox%22%3A%22%00%22%7D",
  `?agent=${agent}&activityId=https%3A%2F%2Fx.test%2Fa&stateId=%ED%A0%80`,
  `?agent=${agent}&activityId=https%3A%2F%2Fx.test%2Fa&profileId=p&since=yesterday`,
  "?limit=-1&ascending=maybe&format=pretty",
  "?more=eyJzdG9yZWQiOiJ4Iiwic2VxIjoxZTMwOH0",
  "?method=PUT",
];
const bodies: { body: string | Buffer; contentType: string }[] = [
  {
    body: '{"actor":{"mbox":"mailto:a@example.test"},"verb":{"id":"http://x.test/v"},"object":{"id":"\\u0000"}}',
    contentType: "application/json",
  },
  { body: '[{"actor":1e400}]', contentType: "application/json" },
  { body: "\ud800", contentType: "application/json" },
  { body: Buffer.from([0xff, 0xfe, 0x00, 0x01]), contentType: "multipart/mixed; boundary=x" },
  {
    body: "--x\r\nContent-Type: application/json\r\n\r\n[]\r\n--x--",
    contentType: "multipart/mixed; boundary=x",
  },
  { body: "content=%7B%7D&X-Experience-API-Version=1.0.3", contentType: "application/x-www-form-urlencoded" },
];

describe("/xapi/ hostile input", () => {
  const t = useTestApp();

  it("answers no 5xx on any resource, method, parameter or body", async () => {
    const lrs = lrsCaller(t, (await organisationWithXapiClient(t)).authorization);
    const failures: string[] = [];
    for (const resource of resources)
      for (const method of methods)
        for (const query of queries)
          for (const { body, contentType } of method === "PUT" || method === "POST"
            ? bodies
            : [{ body: "", contentType: "" }]) {
            const response = await lrs(
              method,
              `/xapi/${resource}${query}`,
              body ? { body, contentType } : {},
            );
            if (response.statusCode >= 500)
              failures.push(`${method} ${resource}${query}: ${response.statusCode}`);
          }
    expect(failures).toEqual([]);
  }, 120_000);

  it("accepts an account on this installation that is nobody in the organisation, linking it to no one", async () => {
    const lrs = lrsCaller(t, (await organisationWithXapiClient(t)).authorization);
    const stranger = { objectType: "Agent", account: { homePage: TEST_ORIGIN, name: crypto.randomUUID() } };
    const statement = {
      actor: stranger,
      verb: { id: "http://x.test/v" },
      object: { id: "https://x.test/a" },
    };
    expect((await lrs("POST", "/xapi/statements", { json: statement })).statusCode).toBe(200);
    const state = new URLSearchParams({
      activityId: "https://x.test/a",
      agent: JSON.stringify(stranger),
      stateId: "s",
    });
    expect((await lrs("PUT", `/xapi/activities/state?${state}`, { json: { a: 1 } })).statusCode).toBe(204);
  });
});
