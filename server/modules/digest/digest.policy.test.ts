import { describe, expect, it } from "vitest";
import { canUseLink, linkConfirms } from "./digest.policy.ts";

describe("digest link rules", () => {
  const holds = { managerActive: true, learnerActive: true, managesLearner: true };

  it("works while manager and learner are active and the manager still manages the learner", () => {
    expect(canUseLink(holds)).toBe(true);
    expect(canUseLink({ ...holds, managerActive: false })).toBe(false);
    expect(canUseLink({ ...holds, learnerActive: false })).toBe(false);
    expect(canUseLink({ ...holds, managesLearner: false })).toBe(false);
  });

  it("confirms only an application of the named learner that was acted on", () => {
    expect(linkConfirms({ application: { personId: "l", outcome: "went-well" }, learnerId: "l" })).toBe(true);
    expect(linkConfirms({ application: { personId: "x", outcome: "went-well" }, learnerId: "l" })).toBe(
      false,
    );
    expect(linkConfirms({ application: { personId: "l", outcome: "did-not-act" }, learnerId: "l" })).toBe(
      false,
    );
  });
});
