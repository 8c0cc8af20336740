import { describe, expect, it } from "vitest";
import type { Role } from "../../../common/roles.ts";
import { actorWith } from "../../../test-support/actors.ts";
import {
  authorize,
  canDeactivate,
  canStopCoordinating,
  endsCoordination,
  type OrganisationPermission,
} from "./organisations.policy.ts";

describe("organisation grants", () => {
  const allowed = (roles: Role[], permission: OrganisationPermission) => {
    try {
      authorize(actorWith(...roles), permission);
      return true;
    } catch {
      return false;
    }
  };

  it("lets coordinators and designers read people, nobody else", () => {
    expect(allowed(["coordinator"], "people.read")).toBe(true);
    expect(allowed(["designer"], "people.read")).toBe(true);
    expect(allowed(["manager", "learner"], "people.read")).toBe(false);
  });

  it("lets only coordinators manage people, teams and settings", () => {
    for (const permission of ["people.manage", "teams.manage", "organisation.update"] as const) {
      expect(allowed(["coordinator"], permission)).toBe(true);
      expect(allowed(["designer", "manager", "learner"], permission)).toBe(false);
    }
  });
});

describe("canDeactivate", () => {
  it("refuses deactivating yourself and allows anyone else", () => {
    expect(canDeactivate({ actorId: "a", personId: "a" })).toBe(false);
    expect(canDeactivate({ actorId: "a", personId: "b" })).toBe(true);
  });
});

describe("endsCoordination", () => {
  it("is true when the coordinator role goes or the person is deactivated", () => {
    expect(endsCoordination({ roles: ["learner"] })).toBe(true);
    expect(endsCoordination({ status: "deactivated" })).toBe(true);
  });

  it("is false for a change that keeps the role and access", () => {
    expect(endsCoordination({ roles: ["coordinator", "learner"] })).toBe(false);
    expect(endsCoordination({ status: "active" })).toBe(false);
    expect(endsCoordination({})).toBe(false);
  });
});

describe("canStopCoordinating", () => {
  it("refuses the last active coordinator", () => {
    expect(canStopCoordinating({ personId: "a", activeCoordinatorIds: ["a"] })).toBe(false);
  });

  it("allows a coordinator when another remains, and anyone who is not one", () => {
    expect(canStopCoordinating({ personId: "a", activeCoordinatorIds: ["a", "b"] })).toBe(true);
    expect(canStopCoordinating({ personId: "c", activeCoordinatorIds: ["a"] })).toBe(true);
  });
});
