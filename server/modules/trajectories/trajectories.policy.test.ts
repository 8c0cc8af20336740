import { describe, expect, it } from "vitest";
import { rolesAllowed } from "../../../test-support/actors.ts";
import { authorize } from "./trajectories.policy.ts";

describe("trajectory grants", () => {
  it("lets designers and coordinators write", () => {
    expect(rolesAllowed(authorize, "trajectory.write")).toEqual(["coordinator", "designer"]);
  });

  it("lets managers and coaches read as well, and gives a learner neither", () => {
    expect(rolesAllowed(authorize, "trajectory.read")).toEqual([
      "coordinator",
      "designer",
      "manager",
      "coach",
    ]);
  });
});
