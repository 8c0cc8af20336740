import { z } from "zod";
import { idSchema } from "./common.ts";

/**
 * What a notice is about. Learners hear about coaching, confirmations, badges, answers and check-ins;
 * managers about an application waiting for them and a check-in that is due. Renaming one is a
 * migration: the kind is stored.
 */
export const noticeKinds = [
  "coaching-offered",
  "coaching-note",
  "application-confirmed",
  "badge-awarded",
  "feedback-answered",
  "check-in-recorded",
  "application-waiting",
  "check-in-due",
  "assessor-named",
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export const noticeView = z.object({
  id: idSchema,
  kind: z.enum(noticeKinds),
  /** The sentence in the reader's language, made when it is read. */
  text: z.string(),
  /** Where in the app the notice leads (a path such as `/plans`). */
  href: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NoticeView = z.infer<typeof noticeView>;

export const noticesView = z.object({
  unread: z.number().int(),
  notices: z.array(noticeView),
});
export type NoticesView = z.infer<typeof noticesView>;

export const noticeParams = z.object({ noticeId: idSchema });
