import { z } from "zod";
import {
  emailSchema,
  idSchema,
  localeSchema,
  nameSchema,
  patchOf,
  roleSchema,
  timeZoneSchema,
} from "./common.ts";

export const personStatus = z.enum(["invited", "active", "deactivated"]);

export const personSummary = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  roles: z.array(roleSchema),
  status: personStatus,
  locale: localeSchema.nullable(),
  teams: z.array(z.object({ id: idSchema, name: z.string(), isManager: z.boolean() })),
});
export type PersonSummary = z.infer<typeof personSummary>;

export const createPersonBody = z.object({
  name: nameSchema,
  email: emailSchema,
  roles: z.array(roleSchema).min(1).max(5).default(["learner"]),
  locale: localeSchema.nullable().default(null),
  teamIds: z.array(idSchema).max(20).default([]),
  sendInvitation: z.boolean().default(true),
});
export type CreatePersonBody = z.infer<typeof createPersonBody>;

export const updatePersonBody = patchOf(
  z.object({
    name: nameSchema,
    email: emailSchema,
    roles: z.array(roleSchema).min(1).max(5),
    locale: localeSchema.nullable(),
    timeZone: timeZoneSchema,
    teamIds: z.array(idSchema).max(20),
    status: z.enum(["active", "deactivated"]),
  }),
);
export type UpdatePersonBody = z.infer<typeof updatePersonBody>;

export const personParams = z.object({ personId: idSchema });

export const importBody = z.object({
  csv: z.string().min(1).max(2_000_000),
  sendInvitations: z.boolean().default(false),
});
export type ImportBody = z.infer<typeof importBody>;

export const importRowResult = z.object({
  line: z.number().int(),
  action: z.enum(["create", "update", "error"]),
  email: z.string(),
  name: z.string(),
  team: z.string().nullable(),
  roles: z.array(roleSchema),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
});
export type ImportRowResult = z.infer<typeof importRowResult>;

export const importPreview = z.object({
  rows: z.array(importRowResult),
  counts: z.object({ create: z.number(), update: z.number(), error: z.number() }),
  newTeams: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof importPreview>;
