import en from "./en/questionnaire.json" with { type: "json" };
import fr from "./fr/questionnaire.json" with { type: "json" };
import nl from "./nl/questionnaire.json" with { type: "json" };
import { contentReader } from "./content.ts";

/** The learning-culture questionnaire's words: section titles, items and their options by id. */
export interface QuestionnaireTexts {
  /** The five points of every scale item, lowest first. */
  scaleLabels: string[];
  sections: Record<string, string>;
  items: Record<string, { text: string; options?: Record<string, string> }>;
}

/** `common/content/<locale>/questionnaire.json`; the web app reads it too, so it stays small. */
export const questionnaireTexts = contentReader<QuestionnaireTexts>({ en, nl, fr });
