import { describe, expect, it } from "vitest";
import type { Role } from "../../../common/roles.ts";
import type { Actor } from "../../http/context.ts";
import { authorize, plannedParticipants } from "./cohorts.policy.ts";

const actorWith = (...roles: Role[]): Actor => ({
  personId: "p",
  organisationId: "o",
  sessionId: "s",
  name: "",
  email: "",
  roles: new Set(roles),
  locale: null,
});

describe("cohort grants", () => {
  it("lets designers and coordinators plan and read", () => {
    for (const role of ["designer", "coordinator"] as const) {
      expect(() => authorize(actorWith(role), "cohort.plan")).not.toThrow();
      expect(() => authorize(actorWith(role), "cohort.read")).not.toThrow();
    }
  });

  it("lets a manager read but not plan", () => {
    expect(() => authorize(actorWith("manager"), "cohort.read")).not.toThrow();
    expect(() => authorize(actorWith("manager"), "cohort.plan")).toThrow(/cohort.plan/);
  });

  it("gives learners and coaches neither", () => {
    for (const role of ["learner", "coach"] as const) {
      expect(() => authorize(actorWith(role), "cohort.read")).toThrow(/cohort.read/);
      expect(() => authorize(actorWith(role), "cohort.plan")).toThrow(/cohort.plan/);
    }
  });
});

describe("plannedParticipants", () => {
  it("takes the teams' members, not their managers, plus the people chosen by name, once each", () => {
    expect(
      plannedParticipants({
        teamMembers: [
          { personId: "anna", isManager: false },
          { personId: "henk", isManager: true },
          { personId: "bas", isManager: false },
        ],
        chosenPersonIds: ["bas", "carla"],
      }),
    ).toEqual(["anna", "bas", "carla"]);
  });

  it("keeps a manager of one chosen team who is a member of another", () => {
    expect(
      plannedParticipants({
        teamMembers: [
          { personId: "henk", isManager: true },
          { personId: "henk", isManager: false },
        ],
        chosenPersonIds: [],
      }),
    ).toEqual(["henk"]);
  });

  it("adds a manager chosen by name", () => {
    expect(
      plannedParticipants({
        teamMembers: [{ personId: "henk", isManager: true }],
        chosenPersonIds: ["henk"],
      }),
    ).toEqual(["henk"]);
  });
});
