import { index, jsonb, text, uuid } from "drizzle-orm/pg-core";
import type {
  QuestionKind,
  QuestionLevel,
  QuestionOption,
  QuestionOrigin,
  QuestionUse,
} from "../../../common/schemas/questions.ts";
import { createdAtColumn, instant } from "./columns.ts";
import { tenantReference } from "./tenant-keys.ts";
import { tenantTable } from "./tenant-tables.ts";
import { trajectories } from "./trajectories.ts";

/**
 * A question in a trajectory's bank. Deleting one only stamps `deletedAt`: it leaves practice and
 * stops being served, while the answers given to it keep their meaning.
 */
export const questions = tenantTable(
  "questions",
  {
    trajectoryId: uuid("trajectory_id").notNull(),
    competenceId: text("competence_id").notNull(),
    kind: text("kind").$type<QuestionKind>().notNull(),
    level: text("level").$type<QuestionLevel>().notNull(),
    uses: jsonb("uses").$type<QuestionUse[]>().notNull(),
    situation: text("situation"),
    prompt: text("prompt").notNull(),
    options: jsonb("options").$type<QuestionOption[]>().notNull().default([]),
    modelAnswer: text("model_answer"),
    createdBy: uuid("created_by"),
    createdAt: createdAtColumn().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    deletedAt: instant("deleted_at"),
    /** Who wrote it: a person, or an AI draft a designer accepted (decision 0028). */
    origin: text("origin").$type<QuestionOrigin>().notNull().default("human"),
    aiModel: text("ai_model"),
    aiDraftedAt: instant("ai_drafted_at"),
    aiSource: text("ai_source"),
    reviewedBy: uuid("reviewed_by"),
    reviewedAt: instant("reviewed_at"),
  },
  (t) => [
    index("questions_trajectory_idx").on(t.organisationId, t.trajectoryId),
    tenantReference(t, t.trajectoryId, trajectories).onDelete("cascade"),
  ],
);
