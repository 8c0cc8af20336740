import { describe, expect, it } from "vitest";
import {
  canChangePlan,
  canConfirm,
  canCorrectApplication,
  canLogOn,
  isConfirmable,
  tellsManagers,
} from "./action-plans.policy.ts";

describe("action plan rules", () => {
  it("lets only the learner log on their own plan", () => {
    expect(canLogOn({ actorId: "a", ownerId: "a" })).toBe(true);
    expect(canLogOn({ actorId: "b", ownerId: "a" })).toBe(false);
  });

  it("lets a manager of the learner confirm, never the learner or another manager", () => {
    expect(canConfirm({ actorId: "m", learnerId: "l", managesLearner: true })).toBe(true);
    expect(canConfirm({ actorId: "m", learnerId: "l", managesLearner: false })).toBe(false);
    expect(canConfirm({ actorId: "l", learnerId: "l", managesLearner: true })).toBe(false);
  });

  it("keeps 'I did not act' out of confirmations and managers' mail", () => {
    expect(isConfirmable("went-well")).toBe(true);
    expect(isConfirmable("did-not-act")).toBe(false);
    expect(tellsManagers("partly")).toBe(true);
    expect(tellsManagers("did-not-act")).toBe(false);
  });

  it("lets only the learner change her plan or correct her own application", () => {
    expect(canChangePlan({ actorId: "a", ownerId: "a" })).toBe(true);
    expect(canChangePlan({ actorId: "m", ownerId: "a" })).toBe(false);
    expect(canCorrectApplication({ actorId: "a", ownerId: "a" })).toBe(true);
    expect(canCorrectApplication({ actorId: "m", ownerId: "a" })).toBe(false);
  });
});
