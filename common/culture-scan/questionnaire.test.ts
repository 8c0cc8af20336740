import { describe, expect, it } from "vitest";
import { contentLocales } from "../content/content.ts";
import { questionnaireTexts } from "../content/questionnaire.ts";
import {
  allItems,
  type ChoiceItem,
  firstUnanswered,
  questionnaireWords,
  requiredItems,
  type ScaleItem,
  sections,
} from "./questionnaire.ts";

const allAnswered = () =>
  Object.fromEntries(
    requiredItems.map((item) => [item.id, item.kind === "choice" ? item.options[0]!.value : 3]),
  );

describe("firstUnanswered", () => {
  it("is null when every required question is answered", () => {
    expect(firstUnanswered(allAnswered())).toBeNull();
  });

  it("names the step and the question that is still open", () => {
    const last = requiredItems.at(-1)!;
    const answers: Record<string, unknown> = allAnswered();
    delete answers[last.id];
    const open = firstUnanswered(answers)!;
    expect(open.item.id).toBe(last.id);
    expect(sections[open.step]!.items[open.number - 1]).toBe(last);
    expect(open.count).toBe(1);
  });

  it("takes the earliest open question when several are open", () => {
    expect(firstUnanswered({})).toMatchObject({
      step: 0,
      item: requiredItems[0],
      count: requiredItems.length,
    });
  });
});

describe("questionnaire words", () => {
  it("has a title, a question and every option's label in every language, and no words left unused", () => {
    for (const locale of contentLocales) {
      const texts = questionnaireTexts(locale);
      expect(Object.keys(texts.sections).sort(), locale).toEqual(sections.map((s) => s.id).sort());
      expect(Object.keys(texts.items).sort(), locale).toEqual(allItems.map((i) => i.id).sort());
      expect(texts.scaleLabels).toHaveLength(5);
      for (const item of allItems) {
        const labelled = item.kind === "choice" ? item.options.map((o) => o.value).sort() : undefined;
        expect(Object.keys(texts.items[item.id]!.options ?? {}).sort(), `${locale} ${item.id}`).toEqual(
          labelled ?? [],
        );
      }
    }
  });

  it("offers the questions in French, options in the questionnaire's order", () => {
    const words = questionnaireWords("fr");
    const since = allItems.find((item) => item.id === "monthsSinceStart") as ChoiceItem;
    expect(words.itemText(since)).toMatch(/^Quand avez-vous commencé/);
    expect(words.options(since).map((o) => o.value)).toEqual(["never", "2", "9", "18"]);
    expect(words.options(since)[0]!.text).toBe("Je n'ai encore rien commencé de ce genre");
    const safety = allItems.find((item) => item.id === "safety") as ScaleItem;
    expect(words.options(safety).map((o) => o.text)).toEqual([
      "Pas du tout",
      "Un peu",
      "Moyennement",
      "Beaucoup",
      "Énormément",
    ]);
    expect(words.sectionTitle(sections[0]!)).toBe("Vous et l'apprentissage");
  });
});
