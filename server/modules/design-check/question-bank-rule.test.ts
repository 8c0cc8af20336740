import { beforeAll, describe, expect, it } from "vitest";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { renderTemplate } from "../trajectories/index.ts";
import { trajectoryTemplates } from "../trajectories/templates/index.ts";
import type { DesignRule } from "./design-rule.ts";
import { loadRules, runDesignCheck } from "./design-check.ts";

let rules: DesignRule[];
beforeAll(async () => {
  rules = await loadRules();
});

const good = (): TrajectoryDocument => structuredClone(renderTemplate(trajectoryTemplates[0]!, "en"));
const bankRule = () => rules.find((rule) => rule.id === "question-bank")!;

describe("question-bank rule", () => {
  it("notices an empty bank of a trajectory that practises, and lowers the score", () => {
    const hit = bankRule().check(good(), { questionBank: { questions: 0, pendingDrafts: 0 } });
    expect(hit).toMatchObject({ severity: "high", variant: "empty" });
    const withBank = runDesignCheck(good(), rules, { questionBank: { questions: 12, pendingDrafts: 0 } });
    const empty = runDesignCheck(good(), rules, { questionBank: { questions: 0, pendingDrafts: 0 } });
    expect(empty.score).toBeLessThan(withBank.score);
  });

  it("notices AI drafts waiting for review, even when the bank has accepted questions", () => {
    const hit = bankRule().check(good(), { questionBank: { questions: 8, pendingDrafts: 3 } });
    expect(hit).toMatchObject({ severity: "low", variant: "unreviewed", params: { count: 3 } });
  });

  it("stays silent about a bare document, whose bank it does not know", () => {
    expect(bankRule().check(good(), {})).toBeNull();
    expect(bankRule().check(good())).toBeNull();
  });
});
