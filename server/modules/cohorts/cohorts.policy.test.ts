import { describe, expect, it } from "vitest";
import type { Role } from "../../../common/roles.ts";
import type { Actor } from "../../http/context.ts";
import { authorize, mayReadCohort, plannedParticipants, practiceDateProblem } from "./cohorts.policy.ts";

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

describe("mayReadCohort", () => {
  const managed = new Set(["anna"]);
  it("lets planners read every cohort", () => {
    expect(
      mayReadCohort({ seesEveryCohort: true, participantIds: ["bas"], managedPersonIds: new Set() }),
    ).toBe(true);
  });
  it("lets a manager read a cohort with someone of their team in it", () => {
    expect(
      mayReadCohort({ seesEveryCohort: false, participantIds: ["bas", "anna"], managedPersonIds: managed }),
    ).toBe(true);
  });
  it("hides another team's cohort from a manager", () => {
    expect(
      mayReadCohort({ seesEveryCohort: false, participantIds: ["bas"], managedPersonIds: managed }),
    ).toBe(false);
  });
});

describe("practiceDateProblem", () => {
  // 2030-06-03 is a Monday.
  it("accepts working days from today on, in order", () => {
    expect(practiceDateProblem(["2030-06-03", "2030-06-07"], "2030-06-03")).toBeNull();
  });
  it("refuses a Saturday or a Sunday", () => {
    expect(practiceDateProblem(["2030-06-08"], "2030-06-03")).toBe("not_a_working_day");
    expect(practiceDateProblem(["2030-06-09"], "2030-06-03")).toBe("not_a_working_day");
  });
  it("refuses a new date in the past but keeps a past date that was already planned", () => {
    expect(practiceDateProblem(["2030-05-31", "2030-06-04"], "2030-06-03")).toBe("date_in_past");
    expect(practiceDateProblem(["2030-05-31", "2030-06-04"], "2030-06-03", ["2030-05-31"])).toBeNull();
  });
  it("refuses dates out of order or repeated", () => {
    expect(practiceDateProblem(["2030-06-05", "2030-06-04"], "2030-06-03")).toBe("dates_not_in_order");
  });
});
