import { describe, expect, it } from "vitest";
import type { Role } from "../../../common/roles.ts";
import type { Actor } from "../../http/context.ts";
import { authorize } from "./trajectories.policy.ts";

const actorWith = (...roles: Role[]): Actor => ({
  personId: "p",
  organisationId: "o",
  sessionId: "s",
  name: "",
  email: "",
  roles: new Set(roles),
  locale: null,
});

describe("trajectory grants", () => {
  it("lets designers and coordinators write", () => {
    expect(() => authorize(actorWith("designer"), "trajectory.write")).not.toThrow();
    expect(() => authorize(actorWith("coordinator"), "trajectory.write")).not.toThrow();
  });

  it("lets managers and coaches read but not write", () => {
    for (const role of ["manager", "coach"] as const) {
      expect(() => authorize(actorWith(role), "trajectory.read")).not.toThrow();
      expect(() => authorize(actorWith(role), "trajectory.write")).toThrow(/trajectory.write/);
    }
  });

  it("gives a learner neither", () => {
    expect(() => authorize(actorWith("learner"), "trajectory.read")).toThrow(/trajectory.read/);
    expect(() => authorize(actorWith("learner"), "trajectory.write")).toThrow(/trajectory.write/);
  });
});
