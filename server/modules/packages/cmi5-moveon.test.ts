import { describe, expect, it } from "vitest";
import type { Cmi5MoveOn, PackageUnit } from "../../db/schema/packages.ts";
import { satisfiedTargets } from "./cmi5-progress.ts";
import { type AuFacts, derivedId, moveOnMet } from "./cmi5-vocabulary.ts";

const facts = (completed: boolean, passed: boolean, waived = false): AuFacts => ({
  completed,
  passed,
  waived,
});

describe("cmi5 moveOn", () => {
  const table: [Cmi5MoveOn, boolean, boolean, boolean][] = [
    // moveOn, after completed only, after passed only, after both
    ["Passed", false, true, true],
    ["Completed", true, false, true],
    ["CompletedAndPassed", false, false, true],
    ["CompletedOrPassed", true, true, true],
    ["NotApplicable", true, true, true],
  ];
  it.each(table)("%s: completed only %s, passed only %s, both %s", (moveOn, completed, passed, both) => {
    expect(moveOnMet(moveOn, facts(true, false))).toBe(completed);
    expect(moveOnMet(moveOn, facts(false, true))).toBe(passed);
    expect(moveOnMet(moveOn, facts(true, true))).toBe(both);
  });

  it("is met by nothing but NotApplicable before the AU says anything, and always when waived", () => {
    for (const [moveOn] of table) {
      expect(moveOnMet(moveOn, facts(false, false))).toBe(moveOn === "NotApplicable");
      expect(moveOnMet(moveOn, facts(false, false, true))).toBe(true);
    }
  });
});

describe("what satisfied is due for", () => {
  const unit = (id: string, blocks: string[]): PackageUnit => ({
    id,
    title: id,
    href: `${id}.html`,
    masteryScore: null,
    cmi5: {
      courseId: "course",
      blocks: blocks.map((b) => ({ id: b, title: b })),
      moveOn: "Completed",
      launchMethod: "AnyWindow",
      launchParameters: null,
      entitlementKey: null,
      objectives: [],
    },
  });
  const units = [unit("a", ["outer", "inner"]), unit("b", ["outer"]), unit("c", [])];

  it("names a block once all its AUs are met, nested blocks included, and the course when every AU is", () => {
    expect(satisfiedTargets(units, new Set(["a"]))).toEqual({ blocks: ["inner"], course: false });
    expect(satisfiedTargets(units, new Set(["a", "b"]))).toEqual({
      blocks: ["outer", "inner"],
      course: false,
    });
    expect(satisfiedTargets(units, new Set(["a", "b", "c"]))).toEqual({
      blocks: ["outer", "inner"],
      course: true,
    });
  });

  it("derives the same statement id from the same parts, a valid UUID", () => {
    expect(derivedId("r", "x")).toBe(derivedId("r", "x"));
    expect(derivedId("r", "x")).not.toBe(derivedId("r", "y"));
    expect(derivedId("r", "x")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
