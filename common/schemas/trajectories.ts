import { z } from "zod";
import { idSchema } from "./common.ts";
import { activityTypes, phases, severities, skillKinds } from "../trajectory-vocabulary.ts";
import {
  instrumentActivityTypes,
  instrumentTiers,
  measureInstruments,
  measureTimings,
} from "../impact-vocabulary.ts";

export { activityTypes, phases, severities, skillKinds } from "../trajectory-vocabulary.ts";
export type { ActivityType, Phase, Severity } from "../trajectory-vocabulary.ts";

/** One step of a trajectory. `offsetDays` counts from the first practice day (negative = before). */
export const activitySchema = z.object({
  id: z.string().min(1).max(64).optional(),
  title: z.string().trim().min(1).max(160),
  phase: z.enum(phases),
  type: z.enum(activityTypes),
  durationMinutes: z.number().int().min(1).max(2400),
  mandatory: z.boolean().default(true),
  offsetDays: z.number().int().min(-365).max(730),
  /** For practice sessions: the share of the time spent on theory rather than practice (0–1). */
  theoryShare: z.number().min(0).max(1).optional(),
  /** Learning content in Markdown (theory modules, readings, videos, assignments): images and video links. */
  content: z.string().max(50_000).optional(),
  /** A content package (SCORM or cmi5) the learner plays for this theory or simulation activity. */
  packageId: idSchema.optional(),
});
export type Activity = z.infer<typeof activitySchema>;

export const competenceSchema = z.object({
  /** Stable id: questions, measures and remediation refer to it, so a rename keeps their link. */
  id: z.string().min(1).max(64).optional(),
  name: z.string().trim().min(1).max(120),
  kind: z.enum(skillKinds),
  /** Extra material in Markdown, offered to a learner who keeps missing this competence's questions. */
  extraMaterial: z.string().max(50_000).optional(),
});
export type Competence = z.infer<typeof competenceSchema>;

/**
 * One line of the measurement plan: an instrument, the LTEM tier it gives evidence for and when it is
 * taken. Tests and surveys point at an activity of the trajectory.
 */
export const plannedMeasureSchema = z
  .object({
    instrument: z.enum(measureInstruments),
    tier: z.number().int().min(1).max(8),
    timing: z.enum(measureTimings),
    activityId: z.string().min(1).max(64).optional(),
    /** For tests: the share of questions right (per cent) that counts as reaching the tier. */
    passPercent: z.number().int().min(1).max(100).optional(),
    /** For confirmed applications: how many confirmations count as transfer. */
    threshold: z.number().int().min(1).max(10).optional(),
  })
  .refine((m) => (instrumentTiers[m.instrument] as readonly number[]).includes(m.tier), {
    message: "tier_not_for_instrument",
    path: ["tier"],
  })
  .refine((m) => !instrumentActivityTypes[m.instrument] || m.activityId !== undefined, {
    message: "activity_required",
    path: ["activityId"],
  });
export type PlannedMeasure = z.infer<typeof plannedMeasureSchema>;

/** The JSON document form of a trajectory: used for export, import, templates and the design check. */
export const trajectoryDocument = z.object({
  title: z.string().trim().min(1).max(160),
  targetBehaviour: z.string().trim().min(1).max(400),
  audience: z.string().trim().max(200).default(""),
  competences: z.array(competenceSchema).min(1).max(20),
  /** How long the behaviour must last after the practice day, in days: spacing is judged against it. */
  retentionDays: z.number().int().min(7).max(730).default(90),
  /** The chance of remembering a practice question that FSRS aims for when it schedules (0.7–0.97). */
  desiredRetention: z.number().min(0.7).max(0.97).default(0.9),
  /** The daily practice session's length in minutes: a workload cap that always holds. */
  dailyPracticeMinutes: z.number().int().min(1).max(30).default(5),
  activities: z.array(activitySchema).max(200),
  /** Which measures give evidence for which LTEM tier; absent means "derived from the activities". */
  measurementPlan: z.array(plannedMeasureSchema).max(30).optional(),
});
export type TrajectoryDocument = z.infer<typeof trajectoryDocument>;
export type TrajectoryDocumentInput = z.input<typeof trajectoryDocument>;

export const evidenceView = z.object({
  id: z.string(),
  topic: z.string(),
  claim: z.string(),
  /** Null when there is no single figure, or when it is withheld because it is not verified. */
  figure: z.string().nullable(),
  /** True when a figure exists but is not verified, so it is never shown as fact. */
  figureWithheld: z.boolean(),
  source: z.string(),
  design: z.string(),
  population: z.string(),
  outcome: z.string(),
  verification: z.enum(["V-P", "V-S", "NV"]),
  verificationLabel: z.string(),
  caveats: z.array(z.string()),
});
export type EvidenceView = z.infer<typeof evidenceView>;

export const findingView = z.object({
  rule: z.string(),
  severity: z.enum(severities),
  message: z.string(),
  advice: z.string(),
  evidence: z.array(evidenceView),
});
export type FindingView = z.infer<typeof findingView>;

export const designCheckResult = z.object({
  score: z.number().int().min(0).max(100),
  findings: z.array(findingView),
});
export type DesignCheckResult = z.infer<typeof designCheckResult>;

export const trajectorySummary = z.object({
  id: idSchema,
  title: z.string(),
  targetBehaviour: z.string(),
  version: z.number().int(),
  activityCount: z.number().int(),
  score: z.number().int(),
  updatedAt: z.string(),
  /** When it was archived; archived trajectories are listed only on request. */
  archivedAt: z.string().nullable(),
});
export type TrajectorySummary = z.infer<typeof trajectorySummary>;

export const trajectoryDetail = z.object({
  id: idSchema,
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  archivedAt: z.string().nullable(),
  document: trajectoryDocument,
});
export type TrajectoryDetail = z.infer<typeof trajectoryDetail>;

export const updateTrajectoryBody = z.object({
  /** The version the editor started from: a save on top of someone else's newer save is refused. */
  version: z.number().int().min(1),
  document: trajectoryDocument,
});
export type UpdateTrajectoryBody = z.infer<typeof updateTrajectoryBody>;

export const trajectoryParams = z.object({ trajectoryId: idSchema });

/** `?archived=include` lists archived trajectories too (the "show archived" switch). */
export const trajectoryListQuery = z.object({ archived: z.enum(["include"]).optional() });
export type TrajectoryListQuery = z.infer<typeof trajectoryListQuery>;

export const templateView = z.object({
  key: z.string(),
  title: z.string(),
  summary: z.string(),
  skillKind: z.enum(skillKinds),
  document: trajectoryDocument,
});
export type TemplateView = z.infer<typeof templateView>;
