import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_ORIGIN, type TestApp } from "../../../test-support/app.ts";

describe("POST /api/action-plans/check", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const check = (payload: object, language: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/action-plans/check",
      headers: { origin: TEST_ORIGIN, "accept-language": language },
      payload,
    });

  it("returns the checker's findings in the caller's language", async () => {
    const dutch = await check({ situation: "", action: "beter luisteren" }, "nl");
    expect(dutch.statusCode).toBe(200);
    expect(dutch.json().findings.map((f: { code: string }) => f.code)).toEqual([
      "missing_situation",
      "vague_action",
    ]);
    expect(dutch.json().findings[0].message).toContain("Het plan heeft geen situatie");
    const english = await check({ situation: "", action: "beter luisteren" }, "en");
    expect(english.json().findings[0].message).toContain("The plan has no situation");
  });

  it("finds nothing wrong with a concrete plan, and refuses a malformed body clearly", async () => {
    const good = await check(
      {
        situation: "When a customer calls about a late repair",
        action: "I first say I understand the frustration",
      },
      "en",
    );
    expect(good.json()).toEqual({ findings: [] });
    const bad = await check({ situation: 12 }, "en");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("VALIDATION_FAILED");
  });
});
