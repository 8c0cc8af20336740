import { describe, expect, it } from "vitest";
import { rolesAllowed } from "../../../test-support/actors.ts";
import { authorize } from "./culture-scan.policy.ts";

describe("culture scan policy", () => {
  it("lets only the coordinator run scans and read the anonymous results, not even a manager (their team's answers are not theirs to read)", () => {
    expect(rolesAllowed(authorize, "scan.manage")).toEqual(["coordinator"]);
    expect(rolesAllowed(authorize, "scan.results")).toEqual(["coordinator"]);
  });
});
