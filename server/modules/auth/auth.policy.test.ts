import { describe, expect, it } from "vitest";
import { actorWith } from "../../../test-support/actors.ts";
import { can } from "../../policy.ts";
import { authGrants } from "./auth.policy.ts";

describe("auth grants", () => {
  it("lets only a coordinator print or block sign-in cards (a card is a way into someone's account)", () => {
    expect(can(authGrants, actorWith("coordinator"), "sign-in-card.manage")).toBe(true);
    expect(can(authGrants, actorWith("designer", "manager", "learner", "coach"), "sign-in-card.manage")).toBe(
      false,
    );
  });

  it("lets only a coordinator require second factors or reset a colleague's lost one", () => {
    expect(can(authGrants, actorWith("coordinator"), "second-factor.manage")).toBe(true);
    expect(
      can(authGrants, actorWith("designer", "manager", "learner", "coach"), "second-factor.manage"),
    ).toBe(false);
  });
});
