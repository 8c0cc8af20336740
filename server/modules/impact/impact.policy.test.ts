import { describe, expect, it } from "vitest";
import type { Role } from "../../../common/roles.ts";
import type { Actor } from "../../http/context.ts";
import { can } from "../../policy.ts";
import { authorize, impactGrants } from "./impact.policy.ts";

const actor = (...roles: Role[]): Actor => ({
  personId: "p",
  organisationId: "o",
  sessionId: "s",
  name: "A",
  email: "a@example.org",
  roles: new Set(roles),
  locale: null,
});

describe("impact policy", () => {
  it("lets designers and coordinators read and record the evaluation", () => {
    for (const role of ["designer", "coordinator"] as const) {
      expect(can(impactGrants, actor(role), "impact.read")).toBe(true);
      expect(can(impactGrants, actor(role), "impact.record")).toBe(true);
    }
  });

  it("shows named learners to the coordinator only", () => {
    expect(can(impactGrants, actor("coordinator"), "impact.people")).toBe(true);
    expect(can(impactGrants, actor("designer"), "impact.people")).toBe(false);
  });

  it("refuses managers, coaches and learners", () => {
    for (const role of ["manager", "coach", "learner"] as const)
      expect(() => authorize(actor(role), "impact.read")).toThrow(/impact.read/);
  });
});
