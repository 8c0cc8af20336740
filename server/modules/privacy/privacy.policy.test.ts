import { describe, expect, it } from "vitest";
import type { Role } from "../../../common/roles.ts";
import type { Actor } from "../../http/context.ts";
import { can } from "../../policy.ts";
import { canErase, privacyGrants } from "./privacy.policy.ts";

/** Grants read only the roles. */
const actorWith = (...roles: Role[]) => ({ roles: new Set(roles) }) as unknown as Actor;

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
