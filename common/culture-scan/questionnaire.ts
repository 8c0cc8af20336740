/**
 * The learning-culture questionnaire: our own items (no DLOQ or LTSI text). NOT a validated
 * instrument; the results screen says so. Staging questions are stored as raw answers and the phase is
 * derived from them (server/modules/culture-scan/staging.ts). This file holds the shape (ids, kinds,
 * option values); the words in every language are in common/content/<locale>/questionnaire.json
 * (decision 0033), read through `questionnaireWords`.
 */
import type { ContentTag } from "../content/content.ts";
import { questionnaireTexts } from "../content/questionnaire.ts";

export const QUESTIONNAIRE_VERSION = 1;

export interface ChoiceItem {
  id: string;
  kind: "choice";
  options: { value: string }[];
}
export interface ScaleItem {
  id: string;
  kind: "scale";
}
export interface OpenItem {
  id: string;
  kind: "open";
}
export type Item = ChoiceItem | ScaleItem | OpenItem;
export interface Section {
  id: string;
  items: Item[];
}

const choice = (id: string, values: string[]): ChoiceItem => ({
  id,
  kind: "choice",
  options: values.map((value) => ({ value })),
});
const support = (id: string): ScaleItem => ({ id, kind: "scale" });
const yesNo = ["yes", "no"];

export const sections: Section[] = [
  {
    id: "you",
    items: [
      choice("learningNow", yesNo),
      choice("intention", ["none", "within-6-months", "within-30-days"]),
      choice("monthsSinceStart", ["never", "2", "9", "18"]),
      choice("applyingAtWork", yesNo),
      choice("choosesNewLearning", yesNo),
    ],
  },
  {
    id: "layers",
    items: ["tasks", "colleagues", "manager", "hr", "management", "environment"].map(support),
  },
  {
    id: "conditions",
    items: ["engagement", "sharedVision", "readiness", "safety", "workload"].map(support),
  },
  { id: "words", items: [{ id: "comment", kind: "open" }] },
];

/** An answer option with its label in the reader's language. */
export interface LabelledOption {
  value: string | number;
  text: string;
}

/**
 * The questionnaire's words in one language. A missing word would be a content bug (the content tests
 * compare every language with English); the id shows rather than an empty label.
 */
export function questionnaireWords(locale: ContentTag) {
  const texts = questionnaireTexts(locale);
  return {
    sectionTitle: (section: Section): string => texts.sections[section.id] ?? section.id,
    itemText: (item: Item): string => texts.items[item.id]?.text ?? item.id,
    /** The options to show: the item's own, or the five labelled scale points (values 1–5). */
    options: (item: ChoiceItem | ScaleItem): LabelledOption[] =>
      item.kind === "scale"
        ? texts.scaleLabels.map((text, i) => ({ value: i + 1, text }))
        : item.options.map(({ value }) => ({ value, text: texts.items[item.id]?.options?.[value] ?? value })),
  };
}

export const allItems: Item[] = sections.flatMap((s) => s.items);
/** Questions that must be answered before a response counts. */
export const requiredItems = allItems.filter((item) => item.kind !== "open" && item.id !== "intention");

/**
 * The first required question still open, with where it is: the step (section index) and its number
 * within that step, so a form can take the respondent straight to it. Null when all are answered.
 */
export function firstUnanswered(
  answers: Readonly<Record<string, unknown>>,
): { step: number; number: number; item: Item; count: number } | null {
  const open = requiredItems.filter((item) => answers[item.id] === undefined || answers[item.id] === "");
  const first = open[0];
  if (!first) return null;
  const step = sections.findIndex((section) => section.items.includes(first));
  return { step, number: sections[step]!.items.indexOf(first) + 1, item: first, count: open.length };
}
