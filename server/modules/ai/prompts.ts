import fs from "node:fs";
import path from "node:path";
import type { Locale } from "../../../common/locales.ts";
import type { QuestionKind } from "../../../common/schemas/questions.ts";
import type { ChatMessage } from "./provider.ts";

/**
 * The prompts are versioned files in `prompts/` (decision 0028): the usage log names the version, so a
 * draft can be traced to the words that asked for it. A new wording is a new version file.
 */
export const QUESTION_DRAFTS_PROMPT = "question-drafts/v1";

const promptsFolder = path.join(import.meta.dirname, "..", "..", "..", "prompts");
const USER_MARKER = "=== user ===";

const kindDescriptions: Record<Locale, Record<QuestionKind, string>> = {
  en: {
    scenario:
      "scenario questions: a short, realistic situation at work, a decision to make, 3 to 5 options with feedback on each",
    "multiple-choice":
      "multiple-choice questions about applying the competence, 3 to 5 options with feedback on each",
    open: "open questions that ask the learner to describe what they would do, each with a short model answer",
  },
  nl: {
    scenario:
      "scenariovragen: een korte, herkenbare situatie op het werk, een beslissing, 3 tot 5 antwoorden met feedback bij elk",
    "multiple-choice":
      "meerkeuzevragen over het toepassen van de competentie, 3 tot 5 antwoorden met feedback bij elk",
    open: "open vragen waarin de deelnemer beschrijft wat die zou doen, elk met een kort modelantwoord",
  },
  fr: {
    scenario:
      "questions de mise en situation : une situation de travail courte et réaliste, une décision à prendre, 3 à 5 options avec un retour pour chacune",
    "multiple-choice":
      "questions à choix multiple sur l'application de la compétence, 3 à 5 options avec un retour pour chacune",
    open: "questions ouvertes où l'apprenant·e décrit ce qu'il ou elle ferait, chacune avec une courte réponse modèle",
  },
};

const noSource: Record<Locale, { label: string; text: string }> = {
  en: { label: "none", text: "(no material: use the learning goals above)" },
  nl: { label: "geen", text: "(geen materiaal: gebruik de leerdoelen hierboven)" },
  fr: { label: "aucun", text: "(pas de matériel : utilisez les objectifs d'apprentissage ci-dessus)" },
};

export interface PromptInput {
  locale: Locale;
  trajectoryTitle: string;
  targetBehaviour: string;
  competence: string;
  competenceDescription: string;
  kind: QuestionKind;
  count: number;
  sourceLabel: string | null;
  source: string | null;
}

function readPrompt(version: string, locale: Locale): { system: string; user: string } {
  const text = fs.readFileSync(path.join(promptsFolder, `${version}.${locale}.md`), "utf8");
  const [system = "", user = ""] = text.split(USER_MARKER);
  return { system: system.trim(), user: user.trim() };
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/{{(\w+)}}/g, (_, name: string) => values[name] ?? "");

/** The messages for drafting questions, in the trajectory's language. */
export function questionDraftMessages(input: PromptInput): ChatMessage[] {
  const { system, user } = readPrompt(QUESTION_DRAFTS_PROMPT, input.locale);
  const fallback = noSource[input.locale];
  const values = {
    trajectoryTitle: input.trajectoryTitle,
    targetBehaviour: input.targetBehaviour,
    competence: input.competence,
    competenceDescription: input.competenceDescription,
    count: String(input.count),
    kindDescription: kindDescriptions[input.locale][input.kind],
    sourceLabel: input.sourceLabel ?? fallback.label,
    source: input.source ?? fallback.text,
  };
  return [
    { role: "system", content: system },
    { role: "user", content: fill(user, values) },
  ];
}
