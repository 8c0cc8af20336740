import { z } from "zod";
import { idSchema } from "./common.ts";

/**
 * What needs a manager this week, one line per thing to do (an application to confirm, a check-in that
 * is due, a person whose plans have no moment ahead, a person without a plan after the practice day).
 */
export const needsYouKinds = [
  "confirm-application",
  "check-in-before",
  "check-in-after",
  "plan-without-moment",
  "no-plan",
] as const;
export type NeedsYouKind = (typeof needsYouKinds)[number];

export const needsYouItem = z.object({
  kind: z.enum(needsYouKinds),
  personId: idSchema,
  personName: z.string(),
  /** Where in the app it is done. */
  href: z.string(),
  /** The day it is due or began to wait (ISO date), oldest first; null when it has no day. */
  due: z.string().nullable(),
  /** The record it is about: the plan's situation of an application, the cohort of a check-in. */
  detail: z.string().nullable(),
  /** The application to confirm (for "confirm-application"). */
  recordId: idSchema.nullable(),
});
export type NeedsYouItem = z.infer<typeof needsYouItem>;

export const needsYouView = z.object({ items: z.array(needsYouItem) });
export type NeedsYouView = z.infer<typeof needsYouView>;

/** The weekly digest as it would be sent now; its one-click links are preview links that record nothing. */
export const digestPreview = z.object({ subject: z.string(), text: z.string(), html: z.string() });
export type DigestPreview = z.infer<typeof digestPreview>;

/** What a digest link would record, read before the button is pressed. */
export const digestLinkView = z.object({
  action: z.enum(["talked", "confirm"]),
  learner: z.string(),
  /** The application the link confirms: the plan it belongs to and when it happened. */
  application: z
    .object({ situation: z.string(), action: z.string(), occurredAt: z.string(), whatHappened: z.string() })
    .nullable(),
  /** A link from the in-app preview: it shows what it would record and records nothing. */
  preview: z.boolean(),
  alreadyRecorded: z.boolean(),
});
export type DigestLinkView = z.infer<typeof digestLinkView>;
