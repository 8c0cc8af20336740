import { z } from "zod";
import { supportedLocales } from "../locales.ts";
import { roles } from "../roles.ts";

/** Emails are compared case-insensitively, so they are stored trimmed and lower-cased. */
export const emailSchema = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email());

export const passwordSchema = z.string().min(10).max(200);
export const nameSchema = z.string().trim().min(1).max(120);
export const localeSchema = z.enum(supportedLocales);
export const roleSchema = z.enum(roles);
export const idSchema = z.uuid();
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "invalid_time_zone");

type WithoutDefault<S> = S extends z.ZodDefault<infer Inner> ? Inner : S;

/**
 * The body of a PATCH: every field optional and none defaulted, so a field left out stays as it is.
 * zod's `.partial()` keeps each `.default([])`, which turned "rename the team" into "rename the team and
 * remove everyone from it"; lint forbids `.partial()` for that reason.
 */
export function patchOf<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
): z.ZodObject<{ [K in keyof Shape]: z.ZodOptional<WithoutDefault<Shape[K]>> }> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      ((field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType).optional(),
    ]),
  );
  return z.object(shape) as never;
}
