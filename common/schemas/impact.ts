import { z } from "zod";
import { patchOf } from "./common.ts";
import {
  interviewPrompts,
  type InterviewPrompt,
  measureInstruments,
  measureTimings,
  SURVEY_OPTION_COUNT,
  surveyMoments,
} from "../impact-vocabulary.ts";

const scores = z.array(z.number().finite()).min(2).max(10_000);
const paired = z.object({ pre: scores, post: scores });

/** The stateless effect-size calculator's input: raw scores for one of three designs. */
export const effectSizeBody = z.discriminatedUnion("design", [
  z.object({ design: z.literal("independent"), groupA: scores, groupB: scores }),
  z.object({ design: z.literal("pre-post"), pre: scores, post: scores }),
  z.object({ design: z.literal("pre-post-control"), treatment: paired, control: paired }),
]);
export type EffectSizeBody = z.infer<typeof effectSizeBody>;

/**
 * g: independent groups. d_pre: one group, change in pretest SDs (metafor's SMCR), the pre/post
 * headline. d_z: change in SDs of the changes (SMCC). d_rm: raw-score metric, assumes equal spreads.
 * d_ppc2: pre/post with a comparison group (Morris 2008).
 */
export const effectSizeMetrics = ["g", "d_pre", "d_z", "d_rm", "d_ppc2"] as const;
export type EffectSizeMetric = (typeof effectSizeMetrics)[number];

export const effectSizeResult = z.object({
  design: z.enum(["independent", "pre-post", "pre-post-control"]),
  n: z.number().int(),
  /** The estimate to lead with (docs/decisions/0009); null when none could be computed. */
  headline: z.enum(effectSizeMetrics).nullable(),
  estimates: z.array(
    z.object({
      metric: z.enum(effectSizeMetrics),
      value: z.number(),
      ciLow: z.number(),
      ciHigh: z.number(),
      /** Hedges' small-sample correction (J, or c_P for d_ppc2) was applied to the value. */
      corrected: z.boolean(),
    }),
  ),
  notes: z.array(z.string()),
});
export type EffectSizeResult = z.infer<typeof effectSizeResult>;

export { ltemTiers, measureInstruments, measureTimings, interviewPrompts } from "../impact-vocabulary.ts";
export type { LtemTier, MeasureInstrument, MeasureTiming, SurveyMoment } from "../impact-vocabulary.ts";

/** Answers to a survey: question key → option index (0 = least desirable). */
export const surveyAnswers = z.record(
  z.string().max(40),
  z
    .number()
    .int()
    .min(0)
    .max(SURVEY_OPTION_COUNT - 1),
);
export type SurveyAnswers = z.infer<typeof surveyAnswers>;

export const interviewNotes = z.object(
  Object.fromEntries(interviewPrompts.map((p) => [p, z.string().trim().max(4000).default("")])) as Record<
    InterviewPrompt,
    z.ZodDefault<z.ZodString>
  >,
);
export type InterviewNotes = z.infer<typeof interviewNotes>;

const evidenceItem = z.object({
  instrument: z.enum(measureInstruments),
  label: z.string(),
  timing: z.enum(measureTimings),
  /** Learners with this evidence; null when the evidence is not about individual learners (KPIs). */
  learners: z.number().int().nullable(),
  /** A measure before the practice day is a starting point, not a tier reached. */
  baseline: z.boolean(),
  /** LTEM: knowledge, decisions and tasks shown only right after learning do not certify the tier. */
  adequate: z.boolean(),
  detail: z.string(),
});

export const tierView = z.object({
  tier: z.number().int().min(1).max(8),
  name: z.string(),
  learners: z.number().int(),
  evidence: z.array(evidenceItem),
});
export type TierView = z.infer<typeof tierView>;

export const effectSizeView = z.object({
  preLabel: z.string(),
  postLabel: z.string(),
  meanPre: z.number().nullable(),
  meanPost: z.number().nullable(),
  result: effectSizeResult,
  explanation: z.array(z.string()),
  comparisons: z.array(z.object({ label: z.string(), figure: z.string(), caveat: z.string() })),
});
export type EffectSizeView = z.infer<typeof effectSizeView>;

export const impactView = z.object({
  trajectoryId: z.string(),
  title: z.string(),
  cohortId: z.string().nullable(),
  cohorts: z.array(z.object({ id: z.string(), name: z.string(), practiceDay: z.string().nullable() })),
  participants: z.number().int(),
  tiers: z.array(tierView),
  effectSize: effectSizeView.nullable(),
  planIsDefault: z.boolean(),
});
export type ImpactView = z.infer<typeof impactView>;

export const impactQuery = z.object({
  cohortId: z.uuid().optional(),
  pre: z.string().max(64).optional(),
  post: z.string().max(64).optional(),
});

export const surveyView = z.object({
  moment: z.enum(surveyMoments),
  questions: z.array(z.string()),
  answers: surveyAnswers.nullable(),
});
export type SurveyView = z.infer<typeof surveyView>;

export const surveyBody = z.object({ answers: surveyAnswers });

export const standardView = z.object({
  question: z.string(),
  acceptableFrom: z
    .number()
    .int()
    .min(0)
    .max(SURVEY_OPTION_COUNT - 1),
  targetPercent: z.number().int().min(1).max(100),
});
export type StandardView = z.infer<typeof standardView>;

export const standardsBody = z.object({ standards: z.array(standardView).min(1).max(20) });

export const surveyResultsView = z.object({
  /** Standards are locked once the first answer is in: they were set before the data were read. */
  locked: z.boolean(),
  standards: z.array(standardView),
  moments: z.array(
    z.object({
      moment: z.enum(surveyMoments),
      respondents: z.number().int(),
      questions: z.array(
        z.object({
          question: z.string(),
          counts: z.array(z.number().int()),
          acceptablePercent: z.number().int().nullable(),
          meetsStandard: z.boolean().nullable(),
        }),
      ),
    }),
  ),
});
export type SurveyResultsView = z.infer<typeof surveyResultsView>;

/**
 * Organisation figures (hours, euros, percentages, counts) stay well inside ±10^12; the bound keeps
 * after − before finite (±1e308 made the change −Infinity, which no response can carry).
 */
export const KPI_VALUE_LIMIT = 1_000_000_000_000;
/** Text, null or anything else where a number belongs is "not a number", not "required". */
const kpiValue = z
  .number({ error: (issue) => (issue.input === undefined ? undefined : "not_a_number") })
  .finite()
  .min(-KPI_VALUE_LIMIT)
  .max(KPI_VALUE_LIMIT);

export const kpiBody = z.object({
  name: z.string().trim().min(1).max(120),
  unit: z.string().trim().min(1).max(40),
  better: z.enum(["lower", "higher"]),
  beforeValue: kpiValue,
  beforePeriod: z.string().trim().min(1).max(80),
  afterValue: kpiValue.nullable().default(null),
  afterPeriod: z.string().trim().max(80).nullable().default(null),
  source: z.string().trim().max(200).default(""),
});

export const kpiView = kpiBody.extend({
  // Unbounded here, so a figure stored before the bound existed can still be listed and removed.
  beforeValue: z.number(),
  afterValue: z.number().nullable(),
  id: z.string(),
  change: z.number().nullable(),
  /** Moved the way the organisation wanted; says nothing yet about why. */
  improved: z.boolean().nullable(),
});
export type KpiView = z.infer<typeof kpiView>;

export const kpiList = z.object({ kpis: z.array(kpiView), caveat: z.string() });

export const successCase = z.object({
  personId: z.string(),
  name: z.string(),
  cohort: z.string(),
  score: z.number(),
  applications: z.number().int(),
  confirmedApplications: z.number().int(),
  /** After-weeks survey: how often they used it (0–3), null when not answered. */
  reportedUse: z.number().int().nullable(),
  interview: z
    .object({
      id: z.string(),
      notes: interviewNotes,
      evidenceChecked: z.boolean(),
      createdAt: z.string(),
      updatedAt: z.string().nullable(),
      /** Marked final: no longer editable. */
      finalAt: z.string().nullable(),
    })
    .nullable(),
});
export type SuccessCase = z.infer<typeof successCase>;

export const successCasesView = z.object({
  most: z.array(successCase),
  least: z.array(successCase),
  /** Learners who did not agree to be interviewed: never listed. */
  withoutConsent: z.number().int(),
});
export type SuccessCasesView = z.infer<typeof successCasesView>;

export const interviewBody = z.object({
  personId: z.uuid(),
  kind: z.enum(["success", "non-success"]),
  notes: interviewNotes,
  evidenceChecked: z.boolean().default(false),
});

/** A correction of an interview's notes, until it is marked final. */
export const updateInterviewBody = patchOf(interviewBody.pick({ notes: true, evidenceChecked: true }));
export type UpdateInterviewBody = z.infer<typeof updateInterviewBody>;
export const interviewSaved = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
  finalAt: z.string().nullable(),
});

export type KpiBody = z.input<typeof kpiBody>;
export type KpiList = z.infer<typeof kpiList>;
export type InterviewBody = z.input<typeof interviewBody>;
export type StandardsBody = z.infer<typeof standardsBody>;
