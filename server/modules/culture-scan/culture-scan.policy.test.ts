import { describe, expect, it } from "vitest";
import type { Role } from "../../../common/roles.ts";
import type { Actor } from "../../http/context.ts";
import { authorize } from "./culture-scan.policy.ts";

const actor = (...roles: Role[]): Actor => ({
  personId: "p",
  organisationId: "o",
  sessionId: "s",
  name: "A",
  email: "a@example.org",
  roles: new Set(roles),
  locale: null,
});

describe("culture scan policy", () => {
  it("lets the coordinator run scans and read the anonymous results", () => {
    expect(() => authorize(actor("coordinator"), "scan.manage")).not.toThrow();
    expect(() => authorize(actor("coordinator"), "scan.results")).not.toThrow();
  });

  it("refuses every other role, managers included (their team's answers are not theirs to read)", () => {
    for (const role of ["designer", "manager", "coach", "learner"] as const) {
      expect(() => authorize(actor(role), "scan.manage")).toThrow(/scan.manage/);
      expect(() => authorize(actor(role), "scan.results")).toThrow(/scan.results/);
    }
  });
});
