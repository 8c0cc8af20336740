import { z } from "zod";
import { countries } from "../working-week.ts";
import { idSchema, localeSchema, nameSchema, patchOf, roleSchema, timeZoneSchema } from "./common.ts";

export const meResponse = z.object({
  person: z.object({
    id: idSchema,
    name: z.string(),
    email: z.string(),
    locale: localeSchema.nullable(),
    timeZone: z.string(),
  }),
  /** The country picks the Flemish wording for Dutch in a Belgian organisation. */
  organisation: z.object({
    id: idSchema,
    name: z.string(),
    defaultLocale: localeSchema,
    country: z.enum(countries),
  }),
  roles: z.array(roleSchema),
  /** Named assessor for a running cohort: the web app then offers the "To assess" page. */
  assesses: z.boolean(),
  /** Switches the web app reads: the development mailbox exists only while no SMTP server is set. */
  features: z.object({ devMailbox: z.boolean() }),
  /**
   * What this session still owes before the app opens (decision 0026): `verify` a second factor, or
   * `enrol` one the organisation requires. Null: nothing.
   */
  secondFactor: z.enum(["verify", "enrol"]).nullable(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const updateMeBody = patchOf(
  z.object({ name: nameSchema, locale: localeSchema.nullable(), timeZone: timeZoneSchema }),
);

/** The first steps of a new organisation, each ticked from the data, never stored as a tick. */
export const checklistStepKeys = ["people", "scan", "template", "cohort", "invite"] as const;
export const checklistStep = z.object({
  key: z.enum(checklistStepKeys),
  done: z.boolean(),
  /** What was done so far ("12 people added" is built from it): people, scans, trajectories, cohorts, invited. */
  count: z.number().int(),
});
export type ChecklistStep = z.infer<typeof checklistStep>;

/** A running cohort at a glance: people per LTEM tier so far and what is overdue. */
export const runningCohort = z.object({
  id: idSchema,
  name: z.string(),
  trajectoryId: idSchema,
  trajectoryTitle: z.string(),
  firstPracticeDay: z.string(),
  lastDay: z.string(),
  participants: z.number().int(),
  tiers: z.array(z.object({ tier: z.number().int(), name: z.string(), learners: z.number().int() })),
  /** Mandatory tasks due by today and not done, summed over the participants. */
  overdueTasks: z.number().int(),
  /** Participants with at least one such task. */
  peopleBehind: z.number().int(),
});
export type RunningCohort = z.infer<typeof runningCohort>;

export const latestScan = z.object({
  id: idSchema,
  title: z.string(),
  status: z.enum(["planned", "open", "closed"]),
  opensOn: z.string(),
  closesOn: z.string(),
  invited: z.number().int(),
  responses: z.number().int(),
});

export const homeResponse = z.object({
  roles: z.array(roleSchema),
  coordinator: z
    .object({
      activePeople: z.number(),
      invitedPeople: z.number(),
      teams: z.number(),
      teamsWithoutManager: z.number(),
      checklist: z.array(checklistStep),
      runningCohorts: z.array(runningCohort),
      latestScan: latestScan.nullable(),
      /** The trajectories with a cohort, for the links to their impact screens. */
      impact: z.array(z.object({ trajectoryId: idSchema, title: z.string() })),
    })
    .nullable(),
  manager: z
    .object({ teams: z.array(z.object({ id: idSchema, name: z.string(), memberCount: z.number() })) })
    .nullable(),
  learner: z.object({ teams: z.array(z.object({ id: idSchema, name: z.string() })) }).nullable(),
  designer: z.object({ trajectories: z.number(), cohorts: z.number() }).nullable(),
});
export type HomeResponse = z.infer<typeof homeResponse>;

/** ISO weekdays (1 is Monday … 7 is Sunday) on which people work: at least one, each at most once. */
export const workingDaysSchema = z
  .array(z.number().int().min(1).max(7))
  .max(7)
  .refine((days) => days.length > 0, { message: "no_working_days" })
  .refine((days) => new Set(days).size === days.length, { message: "invalid" });

export const organisationResponse = z.object({
  id: idSchema,
  name: z.string(),
  defaultLocale: localeSchema,
  anonymityThreshold: z.number().int(),
  /** Whose public holidays are days off. */
  country: z.enum(countries),
  workingDays: z.array(z.number().int()),
});
export const updateOrganisationBody = patchOf(
  z.object({
    name: z.string().trim().min(1).max(120),
    defaultLocale: localeSchema,
    anonymityThreshold: z.number().int().min(3).max(50),
    country: z.enum(countries),
    workingDays: workingDaysSchema,
  }),
);

export const outboxMessage = z.object({
  id: idSchema,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(["pending", "sent", "failed", "held"]),
  createdAt: z.string(),
});
