import { templateTexts } from "../../../../common/content/templates.ts";
import type { Locale } from "../../../../common/locales.ts";
import type { ActivityType, Phase, TrajectoryDocument } from "../../../../common/schemas/trajectories.ts";

type SharedActivity = "practiceQuestions" | "behaviourSurvey";

/** One activity: its shape here, its words under `key` in common/content/<locale>/templates.json. */
export interface TemplateActivity {
  key: string;
  /** Set for an activity every template repeats; its words are in the shared part of the file. */
  shared?: SharedActivity;
  phase: Phase;
  type: ActivityType;
  durationMinutes: number;
  offsetDays: number;
  mandatory: boolean;
  theoryShare?: number;
}

/**
 * A complete example trajectory that shows the method. The file holds its shape (phases, days,
 * minutes); its words in every language are in common/content/<locale>/templates.json under `key`
 * (decision 0033).
 */
export interface TrajectoryTemplate {
  key: string;
  skillKind: "open" | "closed";
  retentionDays: number;
  competences: { key: string; kind: "open" | "closed" }[];
  activities: TemplateActivity[];
}

/** Shorthand for template files: phase, type, day, minutes and the key of the activity's words. */
export function step(
  phase: Phase,
  type: ActivityType,
  offsetDays: number,
  durationMinutes: number,
  key: string,
  extra: { optional?: boolean; theoryShare?: number } = {},
): TemplateActivity {
  return {
    key,
    phase,
    type,
    offsetDays,
    durationMinutes,
    mandatory: !extra.optional,
    ...(extra.theoryShare === undefined ? {} : { theoryShare: extra.theoryShare }),
  };
}

const sharedStep = (shared: SharedActivity, activity: Omit<TemplateActivity, "key" | "shared">) => ({
  key: shared,
  shared,
  ...activity,
});

/** The five-minute practice moment that every template spaces out over the weeks. */
export const practiceQuestions = (phase: Phase, offsetDays: number): TemplateActivity =>
  sharedStep("practiceQuestions", {
    phase,
    type: "retrieval-practice",
    offsetDays,
    durationMinutes: 5,
    mandatory: true,
  });

/** The survey on changed behaviour (LTEM tier 3) that every template asks near its end. */
export const behaviourSurvey = (offsetDays: number): TemplateActivity =>
  sharedStep("behaviourSurvey", {
    phase: "after",
    type: "learner-survey",
    offsetDays,
    durationMinutes: 10,
    mandatory: true,
  });

/** The words of one template in one language; a missing key is a content bug the tests catch. */
export function templateWords(template: TrajectoryTemplate, locale: Locale) {
  const texts = templateTexts(locale);
  const words = texts.templates[template.key];
  if (!words) throw new TypeError(`No texts for template "${template.key}" in ${locale}`);
  const activity = (a: TemplateActivity) =>
    a.shared ? { title: texts.shared[a.shared] } : words.activities[a.key];
  return { ...words, activity };
}

export function renderTemplate(template: TrajectoryTemplate, locale: Locale): TrajectoryDocument {
  const words = templateWords(template, locale);
  return {
    title: words.title,
    targetBehaviour: words.targetBehaviour,
    audience: words.audience,
    retentionDays: template.retentionDays,
    desiredRetention: 0.9,
    dailyPracticeMinutes: 5,
    competences: template.competences.map(({ key, kind }) => {
      const competence = words.competences[key];
      if (!competence) throw new TypeError(`No texts for competence "${key}" of "${template.key}"`);
      return {
        name: competence.name,
        kind,
        ...(competence.extraMaterial ? { extraMaterial: competence.extraMaterial } : {}),
      };
    }),
    activities: template.activities.map((activity) => {
      const { key, shared: _shared, ...rest } = activity;
      const text = words.activity(activity);
      if (!text) throw new TypeError(`No texts for activity "${key}" of "${template.key}"`);
      return { ...rest, title: text.title, ...(text.content ? { content: text.content } : {}) };
    }),
  };
}
