import { describe, expect, it } from "vitest";
import { actorWith } from "../../../test-support/actors.ts";
import {
  authorize,
  canAnswer,
  canChangeSession,
  canLinkPlan,
  canOffer,
  canSchedule,
  canSeePlans,
} from "./coaching.policy.ts";

describe("coaching rules", () => {
  const relation = { coachId: "c", coacheeId: "l", status: "accepted" as const };

  it("lets only coaches coach", () => {
    expect(() => authorize(actorWith("coach"), "coaching.coach")).not.toThrow();
    expect(() => authorize(actorWith("learner", "manager"), "coaching.coach")).toThrow(/coaching.coach/);
  });

  it("offers coaching to an active colleague, not to oneself", () => {
    expect(canOffer({ actorId: "c", personId: "l", personActive: true })).toBe(true);
    expect(canOffer({ actorId: "c", personId: "l", personActive: false })).toBe(false);
    expect(canOffer({ actorId: "c", personId: "c", personActive: true })).toBe(false);
  });

  it("lets only the coachee answer", () => {
    expect(canAnswer({ actorId: "l", relation })).toBe(true);
    expect(canAnswer({ actorId: "c", relation })).toBe(false);
    expect(canAnswer({ actorId: "x", relation })).toBe(false);
  });

  it("shows plans and allows sessions only once the coachee accepted, and only to their coach", () => {
    expect(canSeePlans(relation)).toBe(true);
    expect(canSeePlans({ status: "invited" })).toBe(false);
    expect(canSchedule({ actorId: "c", relation })).toBe(true);
    expect(canSchedule({ actorId: "x", relation })).toBe(false);
    expect(canSchedule({ actorId: "c", relation: { ...relation, status: "declined" } })).toBe(false);
  });

  it("links a session only to the coachee's own plan", () => {
    expect(canLinkPlan({ planOwnerId: "l", relation })).toBe(true);
    expect(canLinkPlan({ planOwnerId: "x", relation })).toBe(false);
  });

  it("lets only the relation's coach change a session", () => {
    const relation = { coachId: "c", coacheeId: "l", status: "accepted" as const };
    expect(canChangeSession({ actorId: "c", relation })).toBe(true);
    expect(canChangeSession({ actorId: "l", relation })).toBe(false);
  });
});
