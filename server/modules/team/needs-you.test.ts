import { describe, expect, it } from "vitest";
import { needsYouFor, sortNeedsYou, type MemberFacts } from "./needs-you.ts";

const femke = "00000000-0000-4000-8000-000000000001";
const application = "00000000-0000-4000-8000-0000000000a1";

/**
 * Femke, practice day on 10 November, check-ins planned on 27 October (held), 17 November and 29
 * December. Whether a check-in was held is the learning module's rule (task-tools.test.ts).
 */
function member(overrides: Partial<MemberFacts> = {}): MemberFacts {
  return {
    personId: femke,
    name: "Femke de Vries",
    today: "2026-11-12",
    cohorts: [
      {
        cohortId: "c1",
        cohortName: "Service team",
        sessionDates: ["2026-11-10"],
        checkIns: [
          { date: "2026-10-27", moment: "before", held: true },
          { date: "2026-11-17", moment: "after", held: false },
          { date: "2026-12-29", moment: "after", held: false },
        ],
      },
    ],
    plans: [
      {
        situation: "When a customer calls about a late repair",
        action: "I first name the frustration",
        firstMoment: "2026-11-14",
        applications: [],
      },
    ],
    ...overrides,
  };
}

const kinds = (facts: MemberFacts) => needsYouFor(facts).map((i) => [i.kind, i.due]);

describe("what needs a manager this week", () => {
  it("lists an application acted on and not yet confirmed, due the day it happened, linked to the person", () => {
    const plan = {
      ...member().plans[0]!,
      applications: [
        { id: application, on: "2026-11-11", outcome: "went-well" as const, confirmed: false },
        { id: "a2", on: "2026-11-11", outcome: "did-not-act" as const, confirmed: false },
        { id: "a3", on: "2026-11-11", outcome: "went-well" as const, confirmed: true },
      ],
    };
    const items = needsYouFor(member({ plans: [plan] }));
    expect(items.filter((i) => i.kind === "confirm-application")).toEqual([
      {
        kind: "confirm-application",
        personId: femke,
        personName: "Femke de Vries",
        href: `/team#member-${femke}`,
        due: "2026-11-11",
        detail: "When a customer calls about a late repair",
        recordId: application,
      },
    ]);
  });

  it("shows the next check-in after the practice day from a week before its date", () => {
    expect(kinds(member({ today: "2026-11-09" }))).toEqual([]);
    expect(kinds(member({ today: "2026-11-12" }))).toEqual([["check-in-after", "2026-11-17"]]);
    expect(needsYouFor(member())[0]).toMatchObject({
      href: `/team#check-in-${femke}`,
      detail: "Service team",
    });
  });

  it("shows the first check-in not held of each conversation, in date order", () => {
    const [cohort] = member().cohorts;
    const heldAfter = member({
      cohorts: [
        { ...cohort!, checkIns: cohort!.checkIns.map((c) => ({ ...c, held: c.date <= "2026-11-17" })) },
      ],
    });
    expect(kinds(heldAfter)).toEqual([]);
    expect(kinds({ ...heldAfter, today: "2026-12-23" })).toEqual([
      ["check-in-after", "2026-12-29"],
      ["plan-without-moment", "2026-11-15"],
    ]);
  });

  it("shows a missed check-in before the practice day until the practice day, not after it", () => {
    const [cohort] = member().cohorts;
    const noneHeld = member({
      cohorts: [{ ...cohort!, checkIns: cohort!.checkIns.map((c) => ({ ...c, held: false })) }],
    });
    expect(kinds({ ...noneHeld, today: "2026-11-09" })).toEqual([["check-in-before", "2026-10-27"]]);
    expect(kinds({ ...noneHeld, today: "2026-11-11" })).toEqual([["check-in-after", "2026-11-17"]]);
  });

  it("asks about a plan when the practice day has passed and there is none", () => {
    const noPlan = member({
      plans: [],
      cohorts: [{ ...member().cohorts[0]!, checkIns: [] }],
    });
    expect(kinds({ ...noPlan, today: "2026-11-10" })).toEqual([]);
    expect(kinds({ ...noPlan, today: "2026-11-11" })).toEqual([["no-plan", "2026-11-11"]]);
  });

  it("asks for the next moment when no plan has one ahead and nothing was logged for two weeks", () => {
    const quiet = member({ cohorts: [] });
    expect(kinds({ ...quiet, today: "2026-11-14" })).toEqual([]);
    expect(kinds({ ...quiet, today: "2026-11-15" })).toEqual([["plan-without-moment", "2026-11-15"]]);
    const logged = {
      ...quiet.plans[0]!,
      applications: [{ id: "a", on: "2026-11-14", outcome: "went-well" as const, confirmed: true }],
    };
    expect(kinds({ ...quiet, plans: [logged], today: "2026-11-28" })).toEqual([]);
    expect(kinds({ ...quiet, plans: [logged], today: "2026-11-29" })).toEqual([
      ["plan-without-moment", "2026-11-29"],
    ]);
  });

  it("sorts the oldest due first, then by name; an item without a day last", () => {
    const base = needsYouFor(member())[0]!;
    const sorted = sortNeedsYou([
      { ...base, personName: "Zoë", due: null },
      { ...base, personName: "Bas", due: "2026-11-17" },
      { ...base, personName: "Anouk", due: "2026-11-17" },
      { ...base, personName: "Youssef", due: "2026-11-02" },
    ]);
    expect(sorted.map((i) => i.personName)).toEqual(["Youssef", "Anouk", "Bas", "Zoë"]);
  });
});
