import { describe, expect, it } from "vitest";
import type { PlannedMeasure, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { translator } from "../../i18n.ts";
import { difficultCustomerConversations } from "../trajectories/index.ts";
import { renderTemplate } from "../trajectories/index.ts";
import { withActivityIds } from "../trajectories/index.ts";
import { brokenLines, derivedPlan, effectivePlan, mistimedLines } from "../../../common/measurement-plan.ts";
import { pickCases } from "./success-cases.ts";
import { standardsWithDefaults, surveyResults } from "./survey.ts";
import { computeTiers, type LearnerFacts } from "./tiers.ts";

const t = translator("en");
const doc = (): TrajectoryDocument => withActivityIds(renderTemplate(difficultCustomerConversations, "en"));

function learner(overrides: Partial<LearnerFacts> = {}): LearnerFacts {
  return {
    personId: crypto.randomUUID(),
    attended: true,
    tasksDue: 10,
    tasksDone: 10,
    surveys: new Set(),
    tests: new Map(),
    delayedDecisions: { answered: 0, correct: 0 },
    delayedKnowledge: { answered: 0, correct: 0 },
    applications: 0,
    confirmedApplications: 0,
    reportedUse: null,
    ...overrides,
  };
}

describe("measurement plan", () => {
  it("derives a line per test and survey, with timing from the activity's day", () => {
    const d = doc();
    const plan = derivedPlan(d);
    const insight = d.activities.find((a) => a.type === "insight-test")!;
    const proof = d.activities.find((a) => a.type === "competence-proof")!;
    expect(plan.find((l) => l.activityId === insight.id)).toMatchObject({ tier: 5, timing: "before" });
    expect(plan.find((l) => l.activityId === proof.id)).toMatchObject({ tier: 6, timing: "delayed" });
    expect(plan.filter((l) => l.instrument === "learner-survey").map((l) => l.timing)).toEqual([
      "right-after",
      "delayed",
    ]);
    expect(new Set(plan.map((l) => l.tier))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
  });

  it("drops and reports lines whose activity is gone, and flags a timing that contradicts the day", () => {
    const d = doc();
    const proof = d.activities.find((a) => a.type === "competence-proof")!;
    const own: PlannedMeasure[] = [
      { instrument: "test", tier: 6, timing: "right-after", activityId: proof.id },
      { instrument: "test", tier: 4, timing: "delayed", activityId: "gone" },
    ];
    const withPlan = { ...d, measurementPlan: own };
    expect(brokenLines(withPlan, own)).toEqual([own[1]]);
    expect(mistimedLines(withPlan, own)).toEqual([own[0]]);
    expect(effectivePlan(withPlan)).toEqual({ plan: [own[0]], isDefault: false });
  });
});

describe("tiers", () => {
  const plan: PlannedMeasure[] = [
    { instrument: "attendance", tier: 1, timing: "right-after" },
    { instrument: "activity-completion", tier: 2, timing: "delayed" },
    { instrument: "test", tier: 5, timing: "before", activityId: "pre" },
    { instrument: "test", tier: 6, timing: "delayed", activityId: "post", passPercent: 70 },
    { instrument: "confirmed-applications", tier: 7, timing: "delayed", threshold: 2 },
    { instrument: "organisation-kpi", tier: 8, timing: "delayed" },
  ];
  const label = (line: PlannedMeasure) => line.instrument;

  it("counts learners per tier; a measure before the practice day is a starting point, not a tier reached", () => {
    const learners = [
      learner({
        tests: new Map([
          ["pre", { correct: 9, total: 10 }],
          ["post", { correct: 7, total: 10 }],
        ]),
        confirmedApplications: 2,
        applications: 2,
      }),
      learner({
        tests: new Map([
          ["pre", { correct: 9, total: 10 }],
          ["post", { correct: 6, total: 10 }],
        ]),
        applications: 1,
      }),
      learner({ attended: false, tasksDone: 7 }),
    ];
    const tiers = computeTiers(plan, learners, [], label, t);
    expect(tiers.map((tier) => tier.learners)).toEqual([2, 2, 0, 0, 0, 1, 1, 0]);
    expect(tiers[4]!.evidence[0]).toMatchObject({ baseline: true, learners: 2 });
    expect(tiers[6]!.evidence[0]!.detail).toBe(
      "2 logged at least one application; 1 have 2 or more confirmed by their manager.",
    );
    expect(tiers[2]!.evidence).toEqual([]);
  });

  it("says attendance is not recorded rather than counting nobody as absent", () => {
    const tiers = computeTiers(plan, [learner({ attended: null })], [], label, t);
    expect(tiers[0]).toMatchObject({ learners: 0 });
    expect(tiers[0]!.evidence[0]!.detail).toBe("Attendance has not been recorded yet.");
  });

  it("shows organisation figures on tier 8 without pretending they count learners", () => {
    const kpis = [{ name: "Complaints", unit: "a month", beforeValue: 14, afterValue: 9 }];
    const tier8 = computeTiers(plan, [learner()], kpis, label, t)[7]!;
    expect(tier8.evidence[0]).toMatchObject({
      learners: null,
      adequate: false,
      detail: "Complaints: 14 → 9 a month",
    });
  });
});

describe("learner survey standards", () => {
  it("judges each question against the standard set beforehand", () => {
    const standards = standardsWithDefaults([{ question: "ability", acceptableFrom: 3, targetPercent: 50 }]);
    const responses = [
      { moment: "after-practice-day" as const, answers: { ability: 3, realism: 3, firstUse: 0, support: 2 } },
      { moment: "after-practice-day" as const, answers: { ability: 2, realism: 2, firstUse: 1, support: 2 } },
    ];
    const results = surveyResults(responses, standards, true);
    const day = results.moments[0]!;
    expect(day.respondents).toBe(2);
    expect(day.questions.find((q) => q.question === "ability")).toMatchObject({
      counts: [0, 0, 1, 1],
      acceptablePercent: 50,
      meetsStandard: true,
    });
    expect(day.questions.find((q) => q.question === "firstUse")).toMatchObject({
      acceptablePercent: 0,
      meetsStandard: false,
    });
    expect(results.moments[1]!.questions.every((q) => q.meetsStandard === null)).toBe(true);
  });
});

describe("success cases", () => {
  const facts = (id: string, confirmed: number, applications: number, consented = true) => ({
    personId: id,
    confirmedApplications: confirmed,
    applications,
    reportedUse: null,
    consented,
  });

  it("lists the clearest successes and non-successes among those who agreed, never the same person twice", () => {
    const picked = pickCases([
      facts("a", 2, 3),
      facts("b", 1, 2),
      facts("c", 0, 0),
      facts("d", 3, 3, false),
      facts("e", 0, 1),
    ]);
    expect(picked.most.map((c) => c.personId)).toEqual(["a", "b", "e"]);
    expect(picked.least.map((c) => c.personId)).toEqual(["c"]);
    expect(picked.withoutConsent).toBe(1);
  });
});

describe("the design check reads the measurement plan", () => {
  it("flags competence measured only right after learning, and evaluation that stops at opinions", async () => {
    const { loadRules, runDesignCheck } = await import("../design-check/design-check.ts");
    const rules = await loadRules();
    const d = doc();
    const proof = d.activities.find((a) => a.type === "competence-proof")!;
    const early = {
      ...d,
      activities: d.activities.map((a) => (a.id === proof.id ? { ...a, offsetDays: 1 } : a)),
      measurementPlan: [
        { instrument: "attendance", tier: 1, timing: "right-after" },
        { instrument: "test", tier: 6, timing: "right-after", activityId: proof.id },
      ] satisfies PlannedMeasure[],
    };
    const rulesHit = runDesignCheck(early, rules).findings.map((f) => f.rule.id);
    expect(rulesHit).toContain("measurement-plan");
    const opinionsOnly = {
      ...d,
      measurementPlan: [
        { instrument: "attendance", tier: 1, timing: "right-after" },
      ] satisfies PlannedMeasure[],
    };
    expect(runDesignCheck(opinionsOnly, rules).findings.map((f) => f.rule.id)).toContain("evaluation-tiers");
    expect(runDesignCheck(d, rules).findings.map((f) => f.rule.id)).not.toContain("measurement-plan");
  });
});
