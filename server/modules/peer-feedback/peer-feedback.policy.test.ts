import { describe, expect, it } from "vitest";
import { canAnswer, canAsk, canReferTo, isParticipant } from "./peer-feedback.policy.ts";

describe("peer feedback rules", () => {
  const request = { requesterId: "asker", colleagueId: "colleague" };

  it("asks an active colleague from the same cohort, never oneself", () => {
    expect(canAsk({ actorId: "asker", colleagueId: "colleague", colleagueInCohort: true })).toBe(true);
    expect(canAsk({ actorId: "asker", colleagueId: "colleague", colleagueInCohort: false })).toBe(false);
    expect(canAsk({ actorId: "asker", colleagueId: "asker", colleagueInCohort: true })).toBe(false);
  });

  it("refers only to the asker's own application", () => {
    expect(canReferTo({ actorId: "asker", applicationOwnerId: "asker" })).toBe(true);
    expect(canReferTo({ actorId: "asker", applicationOwnerId: "other" })).toBe(false);
  });

  it("lets only the colleague answer", () => {
    expect(canAnswer({ actorId: "colleague", request })).toBe(true);
    expect(canAnswer({ actorId: "asker", request })).toBe(false);
    expect(canAnswer({ actorId: "outsider", request })).toBe(false);
  });

  it("shows a request to its two people only", () => {
    expect(isParticipant({ actorId: "asker", request })).toBe(true);
    expect(isParticipant({ actorId: "colleague", request })).toBe(true);
    expect(isParticipant({ actorId: "outsider", request })).toBe(false);
  });
});
