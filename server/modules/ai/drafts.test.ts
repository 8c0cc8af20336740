import { describe, expect, it } from "vitest";
import { draftsAnswer, dutchScenarios, englishScenario } from "../../../test-support/openai-peer.ts";
import { readDrafts } from "./drafts.ts";
import { guessLanguage } from "./language.ts";

const target = { competenceId: "c1", kind: "scenario" as const, count: 5, locale: "nl" as const };

describe("reading a model's answer into drafts", () => {
  it("keeps good scenario questions as decisions for practice, with option ids", () => {
    const read = readDrafts(draftsAnswer(dutchScenarios), target);
    expect(read.unreadable).toBe(false);
    expect(read.kept).toHaveLength(2);
    expect(read.kept[0]!.question).toMatchObject({
      competenceId: "c1",
      kind: "scenario",
      level: "decision",
      uses: ["practice"],
    });
    expect(read.kept[0]!.question.options.every((o) => o.id)).toBe(true);
  });

  it("keeps at most the number asked for", () => {
    expect(readDrafts(draftsAnswer(dutchScenarios), { ...target, count: 1 }).kept).toHaveLength(1);
  });

  it("drops catch-all distractors and duplicate options", () => {
    const [good] = dutchScenarios;
    const catchAll = {
      ...good,
      options: [
        ...good!.options.slice(0, 2),
        { text: "Alle bovenstaande antwoorden", correct: false, feedback: "Nee." },
      ],
    };
    const twice = { ...good, options: [good!.options[0], good!.options[1], good!.options[1]] };
    expect(readDrafts(draftsAnswer([catchAll, twice]), target).dropped).toEqual([
      "weak_distractors",
      "weak_distractors",
    ]);
  });

  it("reads an open question's model answer and ignores options", () => {
    const open = {
      prompt: "Wat zeg je als eerste tegen een boze klant?",
      modelAnswer: "Ik laat de klant uitpraten en vat samen wat er mis is gegaan.",
    };
    const read = readDrafts(draftsAnswer([open]), { ...target, kind: "open" });
    expect(read.kept[0]!.question).toMatchObject({
      kind: "open",
      options: [],
      modelAnswer: open.modelAnswer,
    });
  });

  it("says so when the answer is no list of questions at all", () => {
    expect(readDrafts("Sorry, ik kan dat niet.", target).unreadable).toBe(true);
    expect(readDrafts('{"answer": 42}', target).unreadable).toBe(true);
  });
});

describe("guessing a text's language", () => {
  it("tells Dutch from English, and says nothing about too little text", () => {
    expect(guessLanguage(JSON.stringify(dutchScenarios[0]))).toBe("nl");
    expect(guessLanguage(JSON.stringify(englishScenario))).toBe("en");
    expect(guessLanguage("OK")).toBeNull();
  });
});
