import { beforeAll, describe, expect, it } from "vitest";
import { contentLocales } from "../../../common/content/content.ts";
import { designCheckTexts } from "../../../common/content/design-check.ts";
import type { Locale } from "../../../common/locales.ts";
import type { Activity, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { evidenceLibrary } from "../evidence/index.ts";
import { trajectoryTemplates } from "../trajectories/templates/index.ts";
import { renderTemplate } from "../trajectories/index.ts";
import type { DesignRule } from "./design-rule.ts";
import { loadRules, presentDesignCheck, runDesignCheck } from "./design-check.ts";

let rules: DesignRule[];
beforeAll(async () => {
  rules = await loadRules();
});

/** A well-designed trajectory (the customer-conversations template), to break one thing at a time. */
function good(): TrajectoryDocument {
  return structuredClone(renderTemplate(trajectoryTemplates[0]!, "en"));
}

const without = (doc: TrajectoryDocument, keep: (a: Activity) => boolean): TrajectoryDocument => ({
  ...doc,
  activities: doc.activities.filter(keep),
});

function hitOf(id: string, doc: TrajectoryDocument) {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule.check(doc);
}

/** What rule `id` finds in the good trajectory with only the activities that `keep` lets through. */
const hitKeeping = (id: string, keep: (a: Activity) => boolean) => hitOf(id, without(good(), keep));

describe("design-check rules", () => {
  it("are loaded from their files, each with evidence that exists and texts in every language", () => {
    expect(rules.length).toBeGreaterThanOrEqual(14);
    for (const rule of rules) {
      for (const id of rule.evidence)
        expect(
          evidenceLibrary.some((e) => e.id === id),
          `${rule.id} → ${id}`,
        ).toBe(true);
    }
    // Every rule has its words in every language, and no words are left for a rule that is gone.
    for (const locale of contentLocales) {
      expect(Object.keys(designCheckTexts(locale)).sort(), locale).toEqual(rules.map((r) => r.id).sort());
    }
  });

  it("find nothing wrong in the well-designed example", () => {
    expect(rules.map((rule) => [rule.id, rule.check(good())]).filter(([, hit]) => hit !== null)).toEqual([]);
  });

  describe("no-practice-day", () => {
    it("triggers without a practice day", () => {
      expect(hitKeeping("no-practice-day", (a) => a.phase !== "session")?.severity).toBe("high");
    });
    it("does not trigger with one", () => expect(hitOf("no-practice-day", good())).toBeNull());
  });

  describe("flipped-classroom", () => {
    it("triggers when the practice day is mostly theory, and says so when nothing comes before", () => {
      const doc = good();
      doc.activities.push({
        title: "Lecture",
        phase: "session",
        type: "theory-module",
        durationMinutes: 300,
        mandatory: true,
        offsetDays: 0,
      });
      expect(hitOf("flipped-classroom", doc)).toMatchObject({ severity: "medium", variant: "default" });
      const noPrep = without(
        doc,
        (a) => !(a.phase === "before" && ["theory-module", "video"].includes(a.type)),
      );
      expect(hitOf("flipped-classroom", noPrep)).toMatchObject({ variant: "no-theory-before" });
    });
    it("counts the theory share of practice sessions", () => {
      const doc = good();
      for (const a of doc.activities) if (a.type === "practice-session") a.theoryShare = 1;
      const hit = hitOf("flipped-classroom", doc);
      expect(hit === null || hit.params?.percent !== undefined).toBe(true);
      doc.activities = doc.activities.filter((a) => a.phase !== "session" || a.type === "practice-session");
      expect(hitOf("flipped-classroom", doc)?.params?.percent).toBe(100);
    });
    it("does not trigger at 30% theory or less", () => expect(hitOf("flipped-classroom", good())).toBeNull());
  });

  describe("realistic-practice", () => {
    it("triggers when all practice is mostly theory and there is no simulation or work assignment", () => {
      const doc = without(good(), (a) => !["simulation", "on-the-job-assignment"].includes(a.type));
      for (const a of doc.activities) if (a.type === "practice-session") a.theoryShare = 0.8;
      expect(hitOf("realistic-practice", doc)?.severity).toBe("high");
    });
    it("is satisfied by a single simulation", () => {
      const doc = without(good(), (a) => a.type !== "practice-session" && a.type !== "on-the-job-assignment");
      expect(hitOf("realistic-practice", doc)).toBeNull();
    });
    it("counts a simulation that plays an e-learning package as theory, not practice", () => {
      const doc = without(good(), (a) => a.type !== "practice-session" && a.type !== "on-the-job-assignment");
      for (const a of doc.activities)
        if (a.type === "simulation") a.packageId = "00000000-0000-4000-8000-000000000001";
      const rule = rules.find((r) => r.id === "realistic-practice")!;
      expect(runDesignCheck(doc, [rule]).findings.map((f) => f.rule.id)).toEqual(["realistic-practice"]);
    });
  });

  describe("triggered-action-plan", () => {
    it("triggers without an action plan", () => {
      expect(hitKeeping("triggered-action-plan", (a) => a.type !== "action-plan")?.severity).toBe("high");
    });
    it("does not count a plan written before the practice day", () => {
      const doc = without(good(), (a) => a.type !== "action-plan");
      doc.activities.push({
        title: "Goals",
        phase: "before",
        type: "action-plan",
        durationMinutes: 10,
        mandatory: true,
        offsetDays: -3,
      });
      expect(hitOf("triggered-action-plan", doc)).not.toBeNull();
    });
  });

  describe("early-application", () => {
    it("triggers when the first work assignment is after two weeks", () => {
      const doc = good();
      for (const a of doc.activities) if (a.type === "on-the-job-assignment") a.offsetDays = 20;
      expect(hitOf("early-application", doc)).toMatchObject({ severity: "high", params: { days: 14 } });
    });
    it("does not trigger with an assignment on day 3", () =>
      expect(hitOf("early-application", good())).toBeNull());
  });

  describe("manager-involvement", () => {
    it("is high without any check-in and medium with only one side", () => {
      expect(hitKeeping("manager-involvement", (a) => a.type !== "manager-check-in")).toMatchObject({
        severity: "high",
        variant: "none",
      });
      expect(
        hitKeeping("manager-involvement", (a) => !(a.type === "manager-check-in" && a.offsetDays < 0)),
      ).toMatchObject({
        severity: "medium",
        variant: "no-before",
      });
      expect(
        hitKeeping("manager-involvement", (a) => !(a.type === "manager-check-in" && a.offsetDays > 0)),
      ).toMatchObject({
        variant: "no-after",
      });
    });
    it("does not trigger with check-ins before and after", () =>
      expect(hitOf("manager-involvement", good())).toBeNull());
  });

  describe("spaced-retrieval", () => {
    it("calls a trajectory that ends on the practice day massed", () => {
      expect(hitKeeping("spaced-retrieval", (a) => a.offsetDays <= 0)).toMatchObject({
        variant: "massed",
        severity: "high",
      });
    });
    it("triggers without retrieval practice after", () => {
      expect(hitKeeping("spaced-retrieval", (a) => a.type !== "retrieval-practice")).toMatchObject({
        variant: "no-retrieval",
      });
    });
    it("triggers when retrieval stops long before the retention period", () => {
      const doc = { ...good(), retentionDays: 365 };
      expect(hitOf("spaced-retrieval", doc)).toMatchObject({
        variant: "too-short",
        params: { lastDay: 35, retentionDays: 365 },
      });
    });
    it("does not trigger when retrieval reaches a third of the retention period", () =>
      expect(hitOf("spaced-retrieval", good())).toBeNull());
  });

  describe("follow-up-coaching", () => {
    it("triggers without coaching or peer feedback after the practice day", () => {
      const doc = without(
        good(),
        (a) => !(["coaching-session", "peer-feedback"].includes(a.type) && a.offsetDays > 0),
      );
      expect(hitOf("follow-up-coaching", doc)?.severity).toBe("medium");
    });
    it("is satisfied by peer feedback alone", () => {
      expect(hitKeeping("follow-up-coaching", (a) => a.type !== "coaching-session")).toBeNull();
    });
  });

  describe("measurement-bookends", () => {
    it("names what is missing", () => {
      expect(
        hitKeeping("measurement-bookends", (a) => !["insight-test", "competence-proof"].includes(a.type)),
      ).toMatchObject({ variant: "neither" });
      expect(hitKeeping("measurement-bookends", (a) => a.type !== "insight-test")).toMatchObject({
        variant: "no-insight-test",
      });
      expect(hitKeeping("measurement-bookends", (a) => a.type !== "competence-proof")).toMatchObject({
        variant: "no-competence-proof",
      });
    });
    it("does not trigger with both", () => expect(hitOf("measurement-bookends", good())).toBeNull());
  });

  describe("evaluation-tiers", () => {
    it("triggers when only attendance and a survey are measured", () => {
      const doc = without(
        good(),
        (a) =>
          !["insight-test", "competence-proof", "retrieval-practice", "on-the-job-assignment"].includes(
            a.type,
          ),
      );
      expect(hitOf("evaluation-tiers", doc)).toMatchObject({ severity: "high", params: { tier: 3 } });
    });
    it("does not trigger when decision making or more is measured", () => {
      const doc = without(good(), (a) => !["competence-proof", "on-the-job-assignment"].includes(a.type));
      expect(hitOf("evaluation-tiers", doc)).toBeNull();
    });
  });

  describe("total-time", () => {
    it("triggers when practice is short for the number of competences", () => {
      const doc = good();
      doc.competences.push(
        { name: "A third", kind: "closed" },
        { name: "A fourth", kind: "closed" },
        { name: "A fifth", kind: "closed" },
      );
      expect(hitOf("total-time", doc)).toMatchObject({ severity: "medium", params: { needed: 450 } });
    });
    it("does not trigger with enough practice", () => expect(hitOf("total-time", good())).toBeNull());
  });

  describe("open-skill-support", () => {
    it("triggers for an open skill with only one kind of support after", () => {
      const doc = without(
        good(),
        (a) => !(["coaching-session", "peer-feedback"].includes(a.type) && a.offsetDays > 0),
      );
      expect(hitOf("open-skill-support", doc)).toMatchObject({
        severity: "medium",
        params: { supports: "1/3" },
      });
    });
    it("does not apply to closed skills", () => {
      const doc = without(
        good(),
        (a) => !(["coaching-session", "peer-feedback"].includes(a.type) && a.offsetDays > 0),
      );
      doc.competences = doc.competences.map((c) => ({ ...c, kind: "closed" as const }));
      expect(hitOf("open-skill-support", doc)).toBeNull();
    });
  });

  describe("timing-consistency", () => {
    it("names activities whose day contradicts their phase", () => {
      const doc = good();
      doc.activities[0]!.offsetDays = 5;
      expect(hitOf("timing-consistency", doc)).toMatchObject({ severity: "low" });
      expect(hitOf("timing-consistency", doc)?.params?.titles).toContain(doc.activities[0]!.title);
    });
    it("does not trigger when days fit phases", () => expect(hitOf("timing-consistency", good())).toBeNull());
  });
});

describe("overloaded-day", () => {
  it("triggers when one ordinary day carries more than two hours of mandatory work", () => {
    const doc = good();
    doc.activities.push(
      {
        title: "Module 1",
        phase: "before",
        type: "theory-module",
        durationMinutes: 90,
        mandatory: true,
        offsetDays: -7,
      },
      {
        title: "Module 2",
        phase: "before",
        type: "theory-module",
        durationMinutes: 60,
        mandatory: true,
        offsetDays: -7,
      },
    );
    expect(hitOf("overloaded-day", doc)).toMatchObject({
      severity: "low",
      params: { day: -7, minutes: 180 },
    });
  });
  it("ignores practice days and optional activities", () => {
    const doc = good();
    doc.activities.push({
      title: "Extra",
      phase: "before",
      type: "theory-module",
      durationMinutes: 300,
      mandatory: false,
      offsetDays: -7,
    });
    expect(hitOf("overloaded-day", doc)).toBeNull();
  });
});

describe("runDesignCheck", () => {
  it("gives 100 to a trajectory without findings and takes a share per finding by severity", () => {
    expect(runDesignCheck(good(), rules).score).toBe(100);
    const doc = without(
      good(),
      (a) => a.type !== "action-plan" && a.type !== "coaching-session" && a.type !== "insight-test",
    );
    const result = runDesignCheck(doc, rules);
    expect(result.findings.map((f) => f.rule.id)).toEqual(["triggered-action-plan", "measurement-bookends"]);
    expect(result.score).toBe(Math.round(100 * 0.8 * 0.96));
  });

  it("scores a bare lecture low but not zero, with high findings first, and rises with each fix", () => {
    const lecture: TrajectoryDocument = {
      title: "Lecture",
      targetBehaviour: "Know the rules",
      audience: "",
      retentionDays: 90,
      desiredRetention: 0.9,
      dailyPracticeMinutes: 5,
      competences: [{ name: "Leading a team", kind: "open" }],
      activities: [
        {
          title: "Lecture",
          phase: "session",
          type: "theory-module",
          durationMinutes: 240,
          mandatory: true,
          offsetDays: 0,
        },
      ],
    };
    const result = runDesignCheck(lecture, rules);
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(25);
    expect(result.findings[0]!.hit.severity).toBe("high");
    const withPlan = runDesignCheck(
      {
        ...lecture,
        activities: [
          ...lecture.activities,
          {
            title: "Plan",
            phase: "session",
            type: "action-plan",
            durationMinutes: 20,
            mandatory: true,
            offsetDays: 0,
          },
        ],
      },
      rules,
    );
    expect(withPlan.score).toBeGreaterThan(result.score);
  });

  it("explains findings in Dutch and English with evidence, and never shows an unverified figure", () => {
    const doc = without(good(), (a) => a.type !== "action-plan");
    const nl = presentDesignCheck(runDesignCheck(doc, rules), "nl");
    expect(nl.findings[0]!.message).toContain("als-dan-actieplan");
    expect(nl.findings[0]!.evidence.map((e) => e.id)).toContain("gollwitzer-sheeran-2006");
    expect(nl.findings[0]!.evidence.find((e) => e.id === "gollwitzer-sheeran-2006")!.figure).toBe(
      "d = 0,65 (94 onafhankelijke toetsen)",
    );
    const en = presentDesignCheck(runDesignCheck(doc, rules), "en");
    expect(en.findings[0]!.advice).toContain("naming the situation at work");
  });

  it("explains findings in French, with French evidence and the parameters filled in", () => {
    const french = "fr" as Locale; // joins Locale with decision 0032; the content is already there
    const planless = presentDesignCheck(
      runDesignCheck(
        without(good(), (a) => a.type !== "action-plan"),
        rules,
      ),
      french,
    );
    expect(planless.findings[0]!.message).toContain("plan d'action si-alors");
    expect(planless.findings[0]!.evidence.find((e) => e.id === "gollwitzer-sheeran-2006")!.figure).toBe(
      "d = 0,65 (94 tests indépendants)",
    );
    const massed = presentDesignCheck(
      runDesignCheck(
        without(good(), (a) => a.offsetDays <= 0),
        rules,
      ),
      french,
    );
    for (const finding of massed.findings) {
      expect(finding.message, finding.rule).not.toMatch(/{{|}}/);
      expect(finding.advice, finding.rule).not.toMatch(/{{|}}/);
    }
  });
});

describe("templates", () => {
  for (const template of trajectoryTemplates) {
    for (const locale of ["nl", "en", "fr"] as Locale[]) {
      it(`${template.key} (${locale}) scores well and shows the method`, () => {
        const result = runDesignCheck(renderTemplate(template, locale), rules);
        expect(result.findings.map((f) => f.rule.id)).toEqual([]);
        expect(result.score).toBe(100);
      });
    }
  }
});
