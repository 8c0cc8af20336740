import { z } from "zod";
import { idSchema } from "./common.ts";

export const certificateParams = z.object({ cohortId: idSchema, personId: idSchema });
export const cohortCertificatesParams = z.object({ cohortId: idSchema });
export const trainingRecordParams = z.object({ personId: idSchema });

/** One cohort on a training record: dates and hours, practice days apart from own work. */
export const trainingRecordEntry = z.object({
  cohortId: idSchema,
  cohortName: z.string(),
  trajectoryTitle: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  practiceDaysAttended: z.number().int(),
  practiceDaysPlanned: z.number().int(),
  practiceDayHours: z.number(),
  ownWorkHours: z.number(),
  competencesShown: z.array(z.string()),
});

/** The learner's own training record on screen: what her certificates and record downloads hold. */
export const trainingRecordView = z.object({
  personId: idSchema,
  cohorts: z.array(trainingRecordEntry),
});
export type TrainingRecordView = z.infer<typeof trainingRecordView>;
