import { z } from "zod";
import { idSchema } from "./common.ts";
import { isLoopbackHost } from "./sso.ts";
import { questionInput, questionKinds } from "./questions.ts";

/** A host on the company's own network: a model it runs itself may answer there over plain HTTP. */
export function isPrivateHost(hostname: string): boolean {
  if (isLoopbackHost(hostname)) return true;
  if (/\.(local|internal|lan)$/.test(hostname)) return true;
  const ipv4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(hostname);
  if (!ipv4) return false;
  const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * An OpenAI-compatible chat-completions base address (`…/v1`). HTTPS, or plain HTTP to a model on this
 * machine or the company's own network (Ollama, llama.cpp's server, vLLM), where the text never leaves it.
 */
export const aiBaseUrlSchema = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url())
  .refine((value) => {
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && isPrivateHost(url.hostname));
  }, "https_required");

/** The coordinator's settings. The key is write-only: empty or absent keeps the stored one. */
export const aiSettingsBody = z.object({
  enabled: z.boolean(),
  baseUrl: aiBaseUrlSchema,
  model: z.string().trim().min(1).max(200),
  apiKey: z.string().trim().max(500).optional(),
});
export type AiSettingsBody = z.infer<typeof aiSettingsBody>;

export const aiSettingsView = z.object({
  enabled: z.boolean(),
  baseUrl: z.string().nullable(),
  model: z.string().nullable(),
  /** Whether a key is stored; the key itself never leaves the server. */
  hasApiKey: z.boolean(),
});
export type AiSettingsView = z.infer<typeof aiSettingsView>;

/** The largest uploaded source file (PDF or DOCX), in bytes, and the most source text sent to a model. */
export const MAX_SOURCE_FILE_BYTES = 4 * 1024 * 1024;
export const MAX_SOURCE_CHARS = 20_000;

export const draftSource = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string().trim().min(1).max(MAX_SOURCE_CHARS) }),
  z.object({
    type: z.literal("file"),
    name: z.string().trim().min(1).max(200),
    format: z.enum(["pdf", "docx"]),
    /** The file's bytes, base64. */
    content: z
      .string()
      .min(1)
      .max(Math.ceil((MAX_SOURCE_FILE_BYTES * 4) / 3) + 4),
  }),
]);
export type DraftSource = z.infer<typeof draftSource>;

export const draftRequestBody = z.object({
  competenceId: z.string().min(1).max(64),
  kind: z.enum(questionKinds),
  count: z.number().int().min(1).max(10),
  source: draftSource.optional(),
});
export type DraftRequestBody = z.infer<typeof draftRequestBody>;

export const draftingJobStatuses = ["queued", "running", "done", "failed"] as const;

export const draftingJobView = z.object({
  id: idSchema,
  status: z.enum(draftingJobStatuses),
  competenceId: z.string(),
  kind: z.enum(questionKinds),
  count: z.number().int(),
  kept: z.number().int(),
  dropped: z.number().int(),
  /** Why a failed job failed: `ai_timeout`, `ai_unauthorized`, `ai_rate_limited`, … */
  errorCode: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type DraftingJobView = z.infer<typeof draftingJobView>;

export const draftStatuses = ["pending", "accepted", "rejected"] as const;

export const questionDraftView = z.object({
  id: idSchema,
  origin: z.literal("ai"),
  model: z.string(),
  promptVersion: z.string(),
  source: z.string().nullable(),
  createdAt: z.string(),
  status: z.enum(draftStatuses),
  repaired: z.boolean(),
  question: questionInput,
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  questionId: idSchema.nullable(),
});
export type QuestionDraftView = z.infer<typeof questionDraftView>;

export const questionDraftList = z.object({
  /** Whether the organisation has AI drafting switched on (a coordinator does that). */
  aiEnabled: z.boolean(),
  drafts: z.array(questionDraftView),
  /** The latest drafting jobs, newest first, so the screen can show progress and failures. */
  jobs: z.array(draftingJobView),
});
export type QuestionDraftList = z.infer<typeof questionDraftList>;

export const draftParams = z.object({ trajectoryId: idSchema, draftId: idSchema });
export const draftingJobParams = z.object({ trajectoryId: idSchema, jobId: idSchema });

/** Accepting as is (no body or `{}`), or after editing (`{question}`). */
export const acceptDraftBody = z.object({ question: questionInput.optional() });
export type AcceptDraftBody = z.infer<typeof acceptDraftBody>;

export const aiUsageView = z.object({
  months: z.array(
    z.object({
      month: z.string(),
      requests: z.number().int(),
      failed: z.number().int(),
      promptTokens: z.number().int(),
      completionTokens: z.number().int(),
    }),
  ),
  recent: z.array(
    z.object({
      at: z.string(),
      person: z.string().nullable(),
      provider: z.string(),
      model: z.string(),
      promptVersion: z.string(),
      promptTokens: z.number().int().nullable(),
      completionTokens: z.number().int().nullable(),
      outcome: z.string(),
    }),
  ),
});
export type AiUsageView = z.infer<typeof aiUsageView>;
