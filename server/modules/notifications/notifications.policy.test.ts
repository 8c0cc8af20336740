import { describe, expect, it } from "vitest";
import { actorWith } from "../../../test-support/actors.ts";
import { can } from "../../policy.ts";
import { notificationGrants } from "./notifications.policy.ts";

describe("notification grants", () => {
  it("lets only a coordinator read the development mailbox (it holds everyone's links)", () => {
    expect(can(notificationGrants, actorWith("coordinator"), "mailbox.read")).toBe(true);
    expect(can(notificationGrants, actorWith("designer", "manager", "learner"), "mailbox.read")).toBe(false);
  });
});
