import { describe, expect, it } from "vitest";
import { isDuration, isLanguageTag, isTimestamp } from "./formats.ts";
import { validateStatement } from "./statement-validation.ts";

const valid = {
  actor: { mbox: "mailto:lotte@example.test" },
  verb: { id: "http://adlnet.gov/expapi/verbs/completed", display: { "en-US": "completed" } },
  object: { id: "https://content.example.test/course" },
};

const refused = (change: Record<string, unknown>, version: "1.0" | "2.0" = "2.0") =>
  expect(() => validateStatement({ ...valid, ...change } as never, version)).toThrow();

describe("statement validation (xAPI Data rules)", () => {
  it("accepts a minimal statement", () => {
    expect(validateStatement(valid, "2.0")).toBeTruthy();
  });

  it("needs exactly one identifier per agent (XAPI-00039)", () => {
    refused({ actor: { name: "no identifier" } });
    refused({ actor: { mbox: "mailto:a@example.test", openid: "https://id.example.test/a" } });
    refused({ actor: { mbox: "a@example.test" } });
  });

  it("refuses an anonymous group without members, and members that are groups", () => {
    refused({ actor: { objectType: "Group" } });
    refused({
      actor: { objectType: "Group", member: [{ objectType: "Group", mbox: "mailto:g@example.test" }] },
    });
  });

  it("refuses unknown properties and nulls outside extensions", () => {
    refused({ colour: "red" });
    refused({ result: { success: null } });
    expect(
      validateStatement({ ...valid, result: { extensions: { "https://x.test/e": null } } }, "2.0"),
    ).toBeTruthy();
  });

  it("needs an interactionType for interaction components (XAPI-00064)", () => {
    refused({ object: { id: "https://x.test/q", definition: { correctResponsesPattern: ["a"] } } });
    refused({
      object: { id: "https://x.test/q", definition: { interactionType: "true-false", choices: [] } },
    });
  });

  it("keeps the score consistent: scaled in [-1, 1], raw between min and max", () => {
    refused({ result: { score: { scaled: 1.5 } } });
    refused({ result: { score: { raw: 11, min: 0, max: 10 } } });
  });

  it("allows revision and platform only when the object is an activity", () => {
    refused({ object: { objectType: "Agent", mbox: "mailto:b@example.test" }, context: { platform: "x" } });
  });

  it("knows contextAgents and contextGroups only in 2.0", () => {
    const context = {
      contextAgents: [{ objectType: "contextAgent", agent: { mbox: "mailto:c@example.test" } }],
    };
    expect(validateStatement({ ...valid, context }, "2.0")).toBeTruthy();
    refused({ context }, "1.0");
  });

  it("needs a StatementRef for a voiding statement, and no SubStatement in a SubStatement", () => {
    refused({ verb: { id: "http://adlnet.gov/expapi/verbs/voided" } });
    const sub = { objectType: "SubStatement", ...valid };
    refused({ object: { ...sub, object: sub } });
  });

  it("reads timestamps, durations and language tags as the spec writes them (Data 4.0)", () => {
    expect(isTimestamp("2027-03-01T07:00:00.123Z")).toBe(true);
    expect(isTimestamp("2027-03-01T07:00:00+01:00")).toBe(true);
    expect(isTimestamp("2027-03-01T07:00:00-00:00")).toBe(false);
    expect(isTimestamp("2027-13-01T07:00:00Z")).toBe(false);
    expect(isDuration("PT1H30M")).toBe(true);
    expect(isDuration("P")).toBe(false);
    expect(isLanguageTag("nl-BE")).toBe(true);
    expect(isLanguageTag("12345")).toBe(false);
  });
});
