import en from "./en/templates.json" with { type: "json" };
import fr from "./fr/templates.json" with { type: "json" };
import nl from "./nl/templates.json" with { type: "json" };
import { contentReader } from "./content.ts";

/** One example trajectory's words; competences and activities by the keys in its template file. */
export interface TemplateTexts {
  title: string;
  summary: string;
  targetBehaviour: string;
  audience: string;
  competences: Record<string, { name: string; extraMaterial?: string }>;
  /** Activity titles, and markdown content for the activities that ship with some. */
  activities: Record<string, { title: string; content?: string }>;
}

export interface TemplatesTexts {
  /** Activities every template repeats (the five-minute practice, the behaviour survey). */
  shared: { practiceQuestions: string; behaviourSurvey: string };
  templates: Record<string, TemplateTexts>;
}

/** The example trajectories' words by template key (`common/content/<locale>/templates.json`). */
export const templateTexts = contentReader<TemplatesTexts>({ en, nl, fr });
