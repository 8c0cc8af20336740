import { contentLocale, type Locale } from "../../../../common/locales.ts";
import type { ActivityType, Phase, TrajectoryDocument } from "../../../../common/schemas/trajectories.ts";
import type { Text } from "../../evidence/index.ts";

export interface TemplateActivity {
  title: Text;
  phase: Phase;
  type: ActivityType;
  durationMinutes: number;
  offsetDays: number;
  mandatory: boolean;
  theoryShare?: number;
  content?: Text;
}

/** A complete, bilingual example trajectory that shows the method. */
export interface TrajectoryTemplate {
  key: string;
  skillKind: "open" | "closed";
  title: Text;
  summary: Text;
  targetBehaviour: Text;
  audience: Text;
  retentionDays: number;
  competences: { name: Text; kind: "open" | "closed"; extraMaterial?: Text }[];
  activities: TemplateActivity[];
}

/** Shorthand for template files: phase, type, day, minutes, English and Dutch title. */
export function step(
  phase: Phase,
  type: ActivityType,
  offsetDays: number,
  durationMinutes: number,
  en: string,
  nl: string,
  extra: { optional?: boolean; theoryShare?: number; content?: Text } = {},
): TemplateActivity {
  return {
    title: { en, nl },
    phase,
    type,
    offsetDays,
    durationMinutes,
    mandatory: !extra.optional,
    ...(extra.theoryShare === undefined ? {} : { theoryShare: extra.theoryShare }),
    ...(extra.content ? { content: extra.content } : {}),
  };
}

/** The five-minute practice moment that every template spaces out over the weeks. */
export const practiceQuestions = (phase: Phase, offsetDays: number): TemplateActivity =>
  step(
    phase,
    "retrieval-practice",
    offsetDays,
    5,
    "Practice questions (5 minutes)",
    "Oefenvragen (5 minuten)",
  );

/** The survey on changed behaviour (LTEM tier 3) that every template asks near its end. */
export const behaviourSurvey = (offsetDays: number): TemplateActivity =>
  step(
    "after",
    "learner-survey",
    offsetDays,
    10,
    "Short survey: what do you now do differently?",
    "Korte vragenlijst: wat doe je nu anders?",
  );

export function renderTemplate(template: TrajectoryTemplate, locale: Locale): TrajectoryDocument {
  return {
    title: template.title[contentLocale(locale)],
    targetBehaviour: template.targetBehaviour[contentLocale(locale)],
    audience: template.audience[contentLocale(locale)],
    retentionDays: template.retentionDays,
    desiredRetention: 0.9,
    dailyPracticeMinutes: 5,
    competences: template.competences.map((c) => ({
      name: c.name[contentLocale(locale)],
      kind: c.kind,
      ...(c.extraMaterial ? { extraMaterial: c.extraMaterial[contentLocale(locale)] } : {}),
    })),
    activities: template.activities.map(({ title, content, ...rest }) => ({
      ...rest,
      title: title[contentLocale(locale)],
      ...(content ? { content: content[contentLocale(locale)] } : {}),
    })),
  };
}
