import { z } from "zod";
import { isoDate } from "./cohorts.ts";
import { idSchema } from "./common.ts";

/** How a person took part in a practice day: an excused absence was announced beforehand. */
export const attendanceStatuses = ["present", "absent", "excused"] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** The rubric every competence of a competence proof is scored on: 1 (not shown yet) to 4 (shown with ease). */
export const RUBRIC_LEVELS = [1, 2, 3, 4] as const;
export const RUBRIC_MAX = 4;

const attendanceMark = z.object({ status: z.enum(attendanceStatuses), note: z.string().nullable() });
export type AttendanceMark = z.infer<typeof attendanceMark>;

export const attendanceView = z.object({
  sessionDates: z.array(z.string()),
  /** The practice days that have come, so their register may be taken (today included). */
  openDates: z.array(z.string()),
  participants: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      /** Per practice day: what was recorded, or null while nobody took the register for this person. */
      days: z.record(z.string(), attendanceMark.nullable()),
    }),
  ),
});
export type AttendanceView = z.infer<typeof attendanceView>;

/** One practice day's register, for everyone at once or one person at a time: only the listed people change. */
export const attendanceBody = z.object({
  sessionDate: isoDate,
  entries: z
    .array(
      z.object({
        personId: z.uuid(),
        status: z.enum(attendanceStatuses),
        note: z.string().trim().max(500).optional(),
      }),
    )
    .min(1)
    .max(500),
});
export type AttendanceBody = z.infer<typeof attendanceBody>;

export const assessmentBody = z.object({
  personId: z.uuid(),
  activityId: z.string().min(1).max(64),
  scores: z
    .array(
      z.object({
        competenceId: z.string().min(1).max(64),
        score: z.number().int().min(0).max(100),
        max: z.number().int().min(1).max(100),
      }),
    )
    .min(1)
    .max(20),
  /** Feedback for the learner: what went well, what to work on. */
  comment: z.string().trim().max(2000).optional(),
});
export type AssessmentBody = z.infer<typeof assessmentBody>;

const scoreView = z.object({
  competenceId: z.string(),
  competence: z.string(),
  score: z.number().int(),
  max: z.number().int(),
});

const resultView = z.object({
  activityId: z.string(),
  scores: z.array(scoreView),
  comment: z.string(),
  assessedAt: z.string(),
  assessedBy: z.string().nullable(),
});
export type AssessmentResultView = z.infer<typeof resultView>;

/** Everything the assessor form needs: the proofs, the rubric's competences, who is scored already. */
export const assessmentBoard = z.object({
  /** Designers and coordinators name the cohort's assessors; a named assessor only scores. */
  canNameAssessors: z.boolean(),
  proofs: z.array(z.object({ activityId: z.string(), title: z.string() })),
  competences: z.array(z.object({ id: z.string(), name: z.string() })),
  participants: z.array(z.object({ personId: z.string(), name: z.string(), results: z.array(resultView) })),
  assessors: z.array(z.object({ personId: z.string(), name: z.string() })),
});
export type AssessmentBoard = z.infer<typeof assessmentBoard>;

export const assessorsBody = z.object({ personIds: z.array(z.uuid()).max(50) });

/** The learner's own result on one competence proof: null until an assessor scored it. */
export const myAssessmentView = z.object({ result: resultView.nullable() });
export type MyAssessmentView = z.infer<typeof myAssessmentView>;

/** The cohorts a person was named assessor for, with how far the scoring is (their "To assess" page). */
export const assessingView = z.object({
  cohorts: z.array(
    z.object({
      cohortId: idSchema,
      name: z.string(),
      trajectory: z.string(),
      /** Participant × competence proof pairs, and how many of them have a score. */
      toScore: z.number().int(),
      scored: z.number().int(),
    }),
  ),
});
export type AssessingView = z.infer<typeof assessingView>;
