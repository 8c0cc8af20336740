import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { QuestionView } from "../../../common/schemas/questions.ts";
import type { Competence } from "../../../common/schemas/trajectories.ts";
import { parseQuestionsCsv, questionsToCsv } from "./question-files.ts";

const competences: Competence[] = [{ id: "c1", name: "Calculate discounts", kind: "closed" }];

const question: QuestionView = {
  id: "00000000-0000-4000-8000-000000000001",
  competenceId: "c1",
  kind: "scenario",
  level: "application",
  uses: ["practice", "competence-proof"],
  situation: '=HYPERLINK("https://evil.example";"Klik hier")',
  prompt: "-10% op 80 euro: wat betaalt de klant?",
  options: [
    { id: "a", text: "+72", correct: true, feedback: "@klopt: 80 - 8" },
    { id: "b", text: "70", correct: false, feedback: "'=niet de korting" },
  ],
  modelAnswer: null,
  updatedAt: "2027-01-01T00:00:00.000Z",
  origin: "ai",
  ai: {
    model: "mistral-small",
    draftedAt: "2026-12-30T00:00:00.000Z",
    source: "handboek.pdf",
    reviewedBy: "Dana Designer",
    reviewedAt: "2026-12-31T00:00:00.000Z",
  },
};

describe("the question bank as CSV", () => {
  it("never writes a cell that a spreadsheet would run as a formula", () => {
    const csv = questionsToCsv([question], competences, "nl");
    const [, row] = parse(csv, { delimiter: ";", bom: true }) as string[][];
    for (const cell of row!) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(row).toContain('\'=HYPERLINK("https://evil.example";"Klik hier")');
  });

  it("reads its own export back unchanged", () => {
    for (const locale of ["nl", "en"] as const) {
      const [input] = parseQuestionsCsv(questionsToCsv([question], competences, locale), competences);
      expect(input).toMatchObject({
        competenceId: "c1",
        kind: "scenario",
        uses: ["practice", "competence-proof"],
        situation: question.situation,
        prompt: question.prompt,
        options: question.options.map(({ text, correct, feedback }) => ({ text, correct, feedback })),
      });
    }
  });

  it("says which questions an AI model drafted and who accepted them", () => {
    const csv = questionsToCsv([question], competences, "en");
    const [header, row] = parse(csv, { delimiter: ";", bom: true }) as string[][];
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell("origin")).toBe("ai");
    expect(cell("ai_model")).toBe("mistral-small");
    expect(cell("reviewed_by")).toBe("Dana Designer");
  });
});
