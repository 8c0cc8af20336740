import { describe, expect, it } from "vitest";
import { canChangeCheckIn, canRecordCheckIn } from "./team.policy.ts";

describe("team rules", () => {
  it("lets only a manager of the member's team record a check-in", () => {
    expect(canRecordCheckIn({ managesMember: true })).toBe(true);
    expect(canRecordCheckIn({ managesMember: false })).toBe(false);
  });

  it("lets only the manager who recorded a check-in change it", () => {
    expect(canChangeCheckIn({ actorId: "m", authorId: "m" })).toBe(true);
    expect(canChangeCheckIn({ actorId: "other", authorId: "m" })).toBe(false);
  });
});
