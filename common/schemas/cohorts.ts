import { z } from "zod";
import { activityTypes, phases } from "./trajectories.ts";
import { idSchema, patchOf } from "./common.ts";

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid_date")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "invalid_date");

export const createCohortBody = z.object({
  trajectoryId: idSchema,
  name: z.string().trim().min(1).max(120),
  /** Practice-day dates; the first is day 0 for every offset. */
  sessionDates: z.array(isoDate).min(1).max(10),
  teamIds: z.array(idSchema).max(50).default([]),
  personIds: z.array(idSchema).max(500).default([]),
});
export type CreateCohortBody = z.infer<typeof createCohortBody>;

/**
 * A change to a planned or running cohort. Sending `teamIds` or `personIds` replaces the participants
 * with the people they name (as when planning); a field left out stays as it is.
 */
export const updateCohortBody = patchOf(createCohortBody.omit({ trajectoryId: true }));
export type UpdateCohortBody = z.infer<typeof updateCohortBody>;

export const scheduledActivity = z.object({
  activityId: z.string(),
  title: z.string(),
  type: z.enum(activityTypes),
  phase: z.enum(phases),
  date: isoDate,
  durationMinutes: z.number().int(),
  mandatory: z.boolean(),
  /** The date the offsets give, when that was a day off and the activity moved to `date`. */
  movedFrom: isoDate.optional(),
});
export type ScheduledActivity = z.infer<typeof scheduledActivity>;

export const cohortDetail = z.object({
  id: idSchema,
  name: z.string(),
  trajectory: z.object({ id: idSchema, title: z.string() }),
  sessionDates: z.array(isoDate),
  /** When it was cancelled: kept for history, gone from the learners' Today list and reminders. */
  cancelledAt: z.string().nullable(),
  participants: z.array(z.object({ id: idSchema, name: z.string() })),
  /** The trajectory's activities on the cohort's dates, in date order. */
  schedule: z.array(scheduledActivity),
  /** Every activity's date for every participant: participants × activities. */
  assignments: z.array(z.object({ personId: idSchema, activityId: z.string(), date: isoDate })),
});
export type CohortDetail = z.infer<typeof cohortDetail>;

export const cohortSummary = z.object({
  id: idSchema,
  name: z.string(),
  trajectoryId: idSchema,
  trajectoryTitle: z.string(),
  firstSessionDate: isoDate,
  participantCount: z.number().int(),
  cancelledAt: z.string().nullable(),
});
export type CohortSummary = z.infer<typeof cohortSummary>;

export const cohortParams = z.object({ cohortId: idSchema });
