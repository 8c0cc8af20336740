import { describe, expect, it } from "vitest";
import type { WorkingCalendar } from "../../../common/working-week.ts";
import { rolesAllowed } from "../../../test-support/actors.ts";
import { authorize, mayReadCohort, plannedParticipants, practiceDateProblem } from "./cohorts.policy.ts";

describe("cohort grants", () => {
  it("lets designers and coordinators plan", () => {
    expect(rolesAllowed(authorize, "cohort.plan")).toEqual(["coordinator", "designer"]);
  });

  it("lets a manager read as well, and gives learners and coaches neither", () => {
    expect(rolesAllowed(authorize, "cohort.read")).toEqual(["coordinator", "designer", "manager"]);
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
  const nl: WorkingCalendar = { country: "NL", workingDays: [1, 2, 3, 4, 5] };
  // 2030-06-03 is a Monday.
  it("accepts working days from today on, in order", () => {
    expect(practiceDateProblem(["2030-06-03", "2030-06-07"], "2030-06-03", nl)).toBeNull();
  });
  it("refuses a Saturday or a Sunday", () => {
    expect(practiceDateProblem(["2030-06-08"], "2030-06-03", nl)).toBe("not_a_working_day");
    expect(practiceDateProblem(["2030-06-09"], "2030-06-03", nl)).toBe("not_a_working_day");
  });
  it("refuses a day outside the organisation's working week, and a public holiday", () => {
    const mondayToThursday = { ...nl, workingDays: [1, 2, 3, 4] };
    expect(practiceDateProblem(["2030-06-07"], "2030-06-03", mondayToThursday)).toBe("not_a_working_day");
    expect(practiceDateProblem(["2030-12-25"], "2030-06-03", nl)).toBe("public_holiday");
    expect(practiceDateProblem(["2030-08-15"], "2030-06-03", { ...nl, country: "BE" })).toBe(
      "public_holiday",
    );
  });
  it("refuses a new date in the past but keeps a past date that was already planned", () => {
    expect(practiceDateProblem(["2030-05-31", "2030-06-04"], "2030-06-03", nl)).toBe("date_in_past");
    expect(practiceDateProblem(["2030-05-31", "2030-06-04"], "2030-06-03", nl, ["2030-05-31"])).toBeNull();
  });
  it("refuses dates out of order or repeated", () => {
    expect(practiceDateProblem(["2030-06-05", "2030-06-04"], "2030-06-03", nl)).toBe("dates_not_in_order");
  });
});
