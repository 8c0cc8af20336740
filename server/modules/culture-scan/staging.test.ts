import { describe, expect, it } from "vitest";
import { derivePhase, type StagingAnswers } from "./staging.ts";

const base: StagingAnswers = {
  learningNow: false,
  intention: "none",
  monthsSinceStart: null,
  applyingAtWork: false,
  choosesNewLearning: false,
};

describe("derivePhase", () => {
  it("is unaware without learning or any intention", () => expect(derivePhase(base)).toBe("unaware"));
  it("is selecting with an intention within six months or thirty days", () => {
    expect(derivePhase({ ...base, intention: "within-6-months" })).toBe("selecting");
    expect(derivePhase({ ...base, intention: "within-30-days" })).toBe("selecting");
  });
  it("is acting while learning, or applying for less than six months", () => {
    expect(derivePhase({ ...base, learningNow: true, monthsSinceStart: 1 })).toBe("acting");
    expect(derivePhase({ ...base, applyingAtWork: true, monthsSinceStart: 3 })).toBe("acting");
  });
  it("is applying after six months of use at work", () => {
    expect(derivePhase({ ...base, applyingAtWork: true, monthsSinceStart: 6 })).toBe("applying");
  });
  it("is continuously learning when established use goes with choosing new learning", () => {
    expect(
      derivePhase({ ...base, applyingAtWork: true, monthsSinceStart: 12, choosesNewLearning: true }),
    ).toBe("continuous");
  });
});
