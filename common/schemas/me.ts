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
  organisation: z.object({ id: idSchema, name: z.string(), defaultLocale: localeSchema }),
  roles: z.array(roleSchema),
  /** Switches the web app reads: the development mailbox exists only while no SMTP server is set. */
  features: z.object({ devMailbox: z.boolean() }),
});
export type MeResponse = z.infer<typeof meResponse>;

export const updateMeBody = patchOf(
  z.object({ name: nameSchema, locale: localeSchema.nullable(), timeZone: timeZoneSchema }),
);

export const homeResponse = z.object({
  roles: z.array(roleSchema),
  coordinator: z
    .object({
      activePeople: z.number(),
      invitedPeople: z.number(),
      teams: z.number(),
      teamsWithoutManager: z.number(),
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
