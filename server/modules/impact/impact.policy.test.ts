import { describe, expect, it } from "vitest";
import { rolesAllowed } from "../../../test-support/actors.ts";
import { authorize } from "./impact.policy.ts";

describe("impact policy", () => {
  it("lets designers and coordinators read and record the evaluation, and refuses managers, coaches and learners", () => {
    expect(rolesAllowed(authorize, "impact.read")).toEqual(["coordinator", "designer"]);
    expect(rolesAllowed(authorize, "impact.record")).toEqual(["coordinator", "designer"]);
  });

  it("shows named learners to the coordinator only", () => {
    expect(rolesAllowed(authorize, "impact.people")).toEqual(["coordinator"]);
  });
});
