import { describe, expect, it } from "vitest";
import { canRecordCheckIn } from "./team.policy.ts";

describe("team rules", () => {
  it("lets only a manager of the member's team record a check-in", () => {
    expect(canRecordCheckIn({ managesMember: true })).toBe(true);
    expect(canRecordCheckIn({ managesMember: false })).toBe(false);
  });
});
