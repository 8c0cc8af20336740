import { describe, expect, it } from "vitest";
import type { Role } from "../../../common/roles.ts";
import type { Actor } from "../../http/context.ts";
import { can } from "../../policy.ts";
import { notificationGrants } from "./notifications.policy.ts";

/** Grants read only the roles. */
const actorWith = (...roles: Role[]) => ({ roles: new Set(roles) }) as unknown as Actor;

describe("notification grants", () => {
  it("lets only a coordinator read the development mailbox (it holds everyone's links)", () => {
    expect(can(notificationGrants, actorWith("coordinator"), "mailbox.read")).toBe(true);
    expect(can(notificationGrants, actorWith("designer", "manager", "learner"), "mailbox.read")).toBe(false);
  });
});
