import { describe, expect, it } from "vitest";
import { buildStatement, isoDuration } from "./statements.ts";

describe("xAPI statements", () => {
  const statement = buildStatement("https://beklijf.example", {
    personId: "7c1f3f0e-2f4b-4d67-9d7e-0d7f5c2b9a11",
    verb: "answered",
    object: { path: "questions/q1", name: "What do you do first?", type: "cmi.interaction" },
    result: { success: true, response: "o2", duration: isoDuration(12_345) },
    registration: "2b0d7c52-3c51-4f51-9c43-7c0a9b7f3f10",
    timestamp: new Date("2027-03-01T07:00:00Z"),
    stored: new Date("2027-03-03T09:00:00Z"),
  });

  it("uses ADL verb and activity-type IRIs and version 1.0.3", () => {
    expect(statement.verb.id).toBe("http://adlnet.gov/expapi/verbs/answered");
    expect(statement.object.definition.type).toBe("http://adlnet.gov/expapi/activities/cmi.interaction");
    expect(statement.object.id).toBe("https://beklijf.example/xapi/questions/q1");
    expect(statement.version).toBe("1.0.3");
    expect(statement.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("identifies the learner by an account on this installation, never by email or name", () => {
    expect(statement.actor).toEqual({
      objectType: "Agent",
      account: { homePage: "https://beklijf.example", name: "7c1f3f0e-2f4b-4d67-9d7e-0d7f5c2b9a11" },
    });
    expect(JSON.stringify(statement)).not.toContain("mbox");
  });

  it("keeps when it happened apart from when it was stored (an offline answer arrives later)", () => {
    expect(statement.timestamp).toBe("2027-03-01T07:00:00.000Z");
    expect(statement.stored).toBe("2027-03-03T09:00:00.000Z");
    expect(statement.result?.duration).toBe("PT12.3S");
    expect(statement.context.registration).toBe("2b0d7c52-3c51-4f51-9c43-7c0a9b7f3f10");
  });
});
