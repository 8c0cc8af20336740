import { boolean, index, integer, jsonb, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { QuestionInput, QuestionKind } from "../../../common/schemas/questions.ts";
import type { Locale } from "../../../common/locales.ts";
import { createdAtColumn, instant } from "./columns.ts";
import { tenantReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";
import { trajectories } from "./trajectories.ts";

/**
 * The organisation's AI provider for drafting questions (decision 0028): off by default, one per
 * organisation. The key is sealed (`server/crypto/secrets.ts`) and never leaves the server again.
 */
export const aiSettings = tenantTable(
  "ai_settings",
  {
    enabled: boolean("enabled").notNull().default(false),
    /** An OpenAI-compatible chat-completions base address, e.g. `https://api.mistral.ai/v1`. */
    baseUrl: text("base_url").notNull(),
    model: text("model").notNull(),
    apiKeySealed: text("api_key_sealed"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("ai_settings_org_idx").on(t.organisationId)],
);

export type DraftingJobStatus = "queued" | "running" | "done" | "failed";

/**
 * One "draft with AI" request: what to draft and from which source text, run by the
 * `ai.draft-questions` job. The source text is the company's material the designer chose, not personal
 * data; it is kept only until the job has run.
 */
export const aiDraftingJobs = tenantTable(
  "ai_drafting_jobs",
  {
    trajectoryId: uuid("trajectory_id").notNull(),
    competenceId: text("competence_id").notNull(),
    kind: text("kind").$type<QuestionKind>().notNull(),
    count: integer("count").notNull(),
    locale: text("locale").$type<Locale>().notNull(),
    sourceLabel: text("source_label"),
    sourceText: text("source_text"),
    status: text("status").$type<DraftingJobStatus>().notNull().default("queued"),
    /** Why a failed job failed: a stable code the screen turns into words (`ai_timeout`, …). */
    errorCode: text("error_code"),
    kept: integer("kept").notNull().default(0),
    dropped: integer("dropped").notNull().default(0),
    requestedBy: uuid("requested_by"),
    createdAt: createdAtColumn().defaultNow(),
    startedAt: instant("started_at"),
    finishedAt: instant("finished_at"),
  },
  (t) => [
    index("ai_drafting_jobs_status_idx").on(t.status, t.createdAt),
    tenantReference(t, t.trajectoryId, trajectories).onDelete("cascade"),
  ],
);

export type DraftStatus = "pending" | "accepted" | "rejected";

/**
 * A question the model drafted, waiting for a designer. It is not a question: practice never sees it.
 * Accepting copies it into `questions` with its origin; rejecting keeps the row for the record.
 */
export const aiQuestionDrafts = tenantTable(
  "ai_question_drafts",
  {
    jobId: uuid("job_id").notNull(),
    trajectoryId: uuid("trajectory_id").notNull(),
    question: jsonb("question").$type<QuestionInput>().notNull(),
    model: text("model").notNull(),
    promptVersion: text("prompt_version").notNull(),
    sourceLabel: text("source_label"),
    /** The validator fixed something small (e.g. a missing option id or spacing) before keeping it. */
    repaired: boolean("repaired").notNull().default(false),
    status: text("status").$type<DraftStatus>().notNull().default("pending"),
    createdAt: createdAtColumn().defaultNow(),
    reviewedBy: uuid("reviewed_by"),
    reviewedAt: instant("reviewed_at"),
    questionId: uuid("question_id"),
  },
  (t) => [
    index("ai_question_drafts_trajectory_idx").on(t.organisationId, t.trajectoryId, t.status),
    tenantReference(t, t.trajectoryId, trajectories).onDelete("cascade"),
    tenantReference(t, t.jobId, aiDraftingJobs).onDelete("cascade"),
  ],
);

/**
 * Every request sent to a provider (accountability): who, when, where, which model and prompt version,
 * tokens and outcome. Never the key, never the text.
 */
export const aiRequests = tenantTable(
  "ai_requests",
  {
    jobId: uuid("job_id"),
    personId: uuid("person_id"),
    /** The provider's host name, e.g. `api.mistral.ai`. */
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    promptVersion: text("prompt_version").notNull(),
    promptTokens: integer("prompt_tokens"),
    completionTokens: integer("completion_tokens"),
    outcome: text("outcome").notNull(),
    durationMs: integer("duration_ms").notNull(),
    createdAt: createdAtColumn().defaultNow(),
  },
  (t) => [index("ai_requests_month_idx").on(t.organisationId, t.createdAt)],
);
