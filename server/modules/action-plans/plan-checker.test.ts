import { describe, expect, it } from "vitest";
import { checkPlan, findPlanProblems } from "./plan-checker.ts";

describe("if-then plan checker", () => {
  it("passes a concrete plan in English and in Dutch", () => {
    expect(
      findPlanProblems({
        situation: "When a customer calls for the second time about a late repair",
        action: "I will first say that I understand the frustration, then ask what matters most now",
      }),
    ).toEqual([]);
    expect(
      findPlanProblems({
        situation: "Als een klant voor de tweede keer belt over een late reparatie",
        action: "Dan zeg ik eerst dat ik de frustratie begrijp en vraag ik wat nu het belangrijkst is",
      }),
    ).toEqual([]);
  });

  it("flags a plan without a situation", () => {
    expect(
      findPlanProblems({ situation: "When", action: "I will call the customer back the same day" }),
    ).toEqual(["missing_situation"]);
    expect(findPlanProblems({ situation: "", action: "Ik bel de klant dezelfde dag terug" })).toEqual([
      "missing_situation",
    ]);
  });

  it("flags vague actions in both languages", () => {
    expect(
      findPlanProblems({
        situation: "When a customer is angry on the phone",
        action: "I will be better at listening",
      }),
    ).toEqual(["vague_action"]);
    expect(
      findPlanProblems({
        situation: "Als een klant boos belt over de planning",
        action: "Dan probeer ik beter te luisteren",
      }),
    ).toEqual(["vague_action"]);
  });

  it("flags a situation that never comes at a recognisable moment", () => {
    expect(
      findPlanProblems({ situation: "Altijd als het zo uitkomt", action: "Vat ik samen wat de klant zei" }),
    ).toEqual(["vague_situation"]);
  });

  it("flags a negative action and suggests the behaviour to do instead", () => {
    const [finding] = checkPlan(
      { situation: "When a customer starts shouting at the counter", action: "I will not interrupt them" },
      "en",
    );
    expect(finding).toMatchObject({ code: "negative_action", severity: "medium" });
    expect(finding!.suggestion).toContain("let the customer finish");
  });

  it("answers in the caller's language", () => {
    const [finding] = checkPlan({ situation: "", action: "" }, "nl");
    expect(finding!.message).toBe(
      'Het plan heeft geen situatie: zonder "als" is er niets dat het plan in gang zet.',
    );
  });

  it("flags an action too long to remember in the moment", () => {
    const action = Array.from({ length: 35 }, (_, i) => `step${i}`).join(" ");
    expect(findPlanProblems({ situation: "When the weekly planning meeting starts", action })).toEqual([
      "long_action",
    ]);
  });
});
