import { z } from "zod";
import { idSchema } from "./common.ts";

/** A photo or a short video, base64-encoded; at most 8 MB once decoded. */
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;

/**
 * The photo and video types an attachment may have: raster images and videos a browser shows without
 * running anything. Not SVG (an SVG is a document that can carry script) and not "any image/*".
 */
export const attachmentTypes = [
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "image/avif",
  "image/heic",
  "image/heif",
  "video/mp4",
  "video/webm",
  "video/quicktime",
  "video/3gpp",
] as const;

export const isAttachmentType = (type: string): type is (typeof attachmentTypes)[number] =>
  (attachmentTypes as readonly string[]).includes(type);

export const askFeedbackBody = z.object({
  colleagueId: idSchema,
  cohortId: idSchema,
  applicationId: idSchema.optional(),
  about: z.string().trim().min(1).max(1000),
  attachment: z
    .object({
      name: z.string().trim().min(1).max(200),
      type: z.string().trim().toLowerCase().refine(isAttachmentType, "attachment_type"),
      data: z
        .string()
        .min(1)
        .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4),
    })
    .optional(),
});

export const answerFeedbackBody = z.object({
  wentWell: z.string().trim().min(1).max(2000),
  tryNext: z.string().trim().min(1).max(2000),
});

const answer = z.object({ wentWell: z.string(), tryNext: z.string(), answeredAt: z.string() }).nullable();

export const myFeedbackView = z.object({
  asked: z.array(
    z.object({ id: idSchema, colleague: z.string(), about: z.string(), hasAttachment: z.boolean(), answer }),
  ),
  toAnswer: z.array(
    z.object({
      id: idSchema,
      requester: z.string(),
      about: z.string(),
      hasAttachment: z.boolean(),
      application: z.object({ action: z.string(), whatHappened: z.string() }).nullable(),
      answer,
    }),
  ),
});
export type MyFeedbackView = z.infer<typeof myFeedbackView>;

export const colleaguesView = z.array(
  z.object({
    cohortId: idSchema,
    cohortName: z.string(),
    colleagues: z.array(z.object({ id: idSchema, name: z.string() })),
  }),
);

export const feedbackParams = z.object({ requestId: idSchema });
