import { describe, expect, it } from "vitest";
import { actorWith } from "../../../test-support/actors.ts";
import { can } from "../../policy.ts";
import { canErase, privacyGrants } from "./privacy.policy.ts";

describe("privacy grants", () => {
  it("lets only a coordinator export or erase someone else's data", () => {
    for (const permission of ["person.export", "person.erase"] as const) {
      expect(can(privacyGrants, actorWith("coordinator"), permission)).toBe(true);
      expect(can(privacyGrants, actorWith("designer", "manager", "learner"), permission)).toBe(false);
    }
  });
});

describe("canErase", () => {
  it("refuses erasing yourself and allows erasing someone else", () => {
    expect(canErase({ actorId: "a", personId: "a" })).toBe(false);
    expect(canErase({ actorId: "a", personId: "b" })).toBe(true);
  });
});
