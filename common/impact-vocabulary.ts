/**
 * The words of impact measurement, without zod, so the web app can use them without loading schemas.
 * LTEM tier names follow Thalheimer's v12 (2018); the survey is our own wording (no Likert scales).
 */
export const ltemTiers = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type LtemTier = (typeof ltemTiers)[number];

export const tierKeys = {
  1: "attendance",
  2: "activity",
  3: "learnerPerceptions",
  4: "knowledge",
  5: "decisionMaking",
  6: "taskCompetence",
  7: "transfer",
  8: "effectsOfTransfer",
} as const satisfies Record<LtemTier, string>;

export const measureInstruments = [
  "attendance",
  "activity-completion",
  "learner-survey",
  "test",
  "practice-recall",
  "practice-scenarios",
  "confirmed-applications",
  "organisation-kpi",
] as const;
export type MeasureInstrument = (typeof measureInstruments)[number];

/** Which tiers an instrument can give evidence for: a test measures knowledge, decisions or tasks. */
export const instrumentTiers: Record<MeasureInstrument, readonly LtemTier[]> = {
  attendance: [1],
  "activity-completion": [2],
  "learner-survey": [3],
  test: [4, 5, 6],
  "practice-recall": [4],
  "practice-scenarios": [5],
  "confirmed-applications": [7],
  "organisation-kpi": [8],
};

/** Activity types that may hold a content package (SCORM or cmi5). */
export const packageActivityTypes: readonly string[] = ["theory-module", "simulation"];

/**
 * Instruments that read the results of one activity of the trajectory. A theory module or simulation
 * is a test through its content package's score (a graded SCORM or cmi5 test the designer maps to a
 * tier, issue 18), so it counts only while it holds a package (`measurableBy`).
 */
export const instrumentActivityTypes: Partial<Record<MeasureInstrument, readonly string[]>> = {
  "learner-survey": ["learner-survey"],
  test: ["insight-test", "competence-proof", ...packageActivityTypes],
};

/** Whether a plan line of `instrument` may point at `activity`. */
export function measurableBy(
  instrument: MeasureInstrument,
  activity: { type: string; packageId?: string | undefined },
): boolean {
  const types = instrumentActivityTypes[instrument];
  if (!types?.includes(activity.type)) return false;
  return !packageActivityTypes.includes(activity.type) || activity.packageId !== undefined;
}

export const measureTimings = ["before", "right-after", "delayed"] as const;
export type MeasureTiming = (typeof measureTimings)[number];

/** LTEM: remembered competence is shown "after several days or more"; we take four. */
export const DELAYED_FROM_DAYS = 4;

export function timingOfOffset(offsetDays: number): MeasureTiming {
  if (offsetDays <= 0) return "before";
  return offsetDays < DELAYED_FROM_DAYS ? "right-after" : "delayed";
}

export const surveyMoments = ["after-practice-day", "after-weeks"] as const;
export type SurveyMoment = (typeof surveyMoments)[number];

/** A survey activity in the first week after the practice day asks about the day; later ones about use. */
export const surveyMomentOf = (offsetDays: number): SurveyMoment =>
  offsetDays <= 7 ? "after-practice-day" : "after-weeks";

/**
 * The questions per moment. Each has four concrete options ordered from least to most desirable, so an
 * answer standard is "this option or better".
 */
export const surveyQuestions: Record<SurveyMoment, readonly string[]> = {
  "after-practice-day": ["ability", "realism", "firstUse", "support"],
  "after-weeks": ["applied", "result", "followUp", "ability"],
};
export const SURVEY_OPTION_COUNT = 4;
export const allSurveyQuestions = [...new Set(Object.values(surveyQuestions).flat())];

/** Standards that hold until the coordinator sets their own (before any answer arrives). */
export const defaultStandard = { acceptableFrom: 2, targetPercent: 70 } as const;

export const interviewPrompts = ["used", "result", "helped", "hindered", "suggestion"] as const;
export type InterviewPrompt = (typeof interviewPrompts)[number];
