import { z } from "zod";
import { idSchema } from "./common.ts";

export const questionKinds = ["multiple-choice", "scenario", "open"] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** What a question asks for. Practice prefers application and decision questions over recall. */
export const questionLevels = ["recall", "application", "decision"] as const;
export type QuestionLevel = (typeof questionLevels)[number];

/** Where a question is used: spaced practice, the kick-off insight test, the final competence proof. */
export const questionUses = ["practice", "insight-test", "competence-proof"] as const;
export type QuestionUse = (typeof questionUses)[number];

/** Who wrote a question: a person, or an AI model whose draft a designer accepted (decision 0028). */
export const questionOrigins = ["human", "ai"] as const;
export type QuestionOrigin = (typeof questionOrigins)[number];

/** An AI-drafted question's trail: which model, when, from which source, and who accepted it when. */
export const aiOriginView = z.object({
  model: z.string(),
  draftedAt: z.string(),
  source: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string(),
});
export type AiOriginView = z.infer<typeof aiOriginView>;

export const questionOption = z.object({
  id: z.string().min(1).max(64).optional(),
  text: z.string().trim().min(1).max(500),
  correct: z.boolean(),
  /** Why this option is (not) a good choice: shown after answering. */
  feedback: z.string().trim().max(1000).default(""),
});
export type QuestionOption = z.infer<typeof questionOption> & { id: string };

/**
 * A question as the designer writes it. Choice questions need two to six options with at least one
 * right; open questions need a model answer and are practice only, because a self-rating is no test
 * score.
 */
export const questionInput = z
  .object({
    competenceId: z.string().min(1).max(64),
    kind: z.enum(questionKinds),
    level: z.enum(questionLevels).default("application"),
    uses: z.array(z.enum(questionUses)).min(1).max(3).default(["practice"]),
    situation: z.string().trim().max(2000).optional(),
    prompt: z.string().trim().min(1).max(1000),
    options: z.array(questionOption).max(6).default([]),
    modelAnswer: z.string().trim().max(4000).optional(),
  })
  .superRefine((question, context) => {
    const problem = (path: string, message: string) =>
      context.addIssue({ code: "custom", path: [path], message });
    if (question.kind === "open") {
      if (!question.modelAnswer) problem("modelAnswer", "model_answer_required");
      if (question.uses.some((use) => use !== "practice")) problem("uses", "open_practice_only");
    } else {
      if (question.options.length < 2) problem("options", "options_too_few");
      else if (!question.options.some((option) => option.correct)) problem("options", "no_correct_option");
    }
    if (question.kind === "scenario" && !question.situation) problem("situation", "situation_required");
  });
export type QuestionInput = z.infer<typeof questionInput>;

export const questionView = z.object({
  id: idSchema,
  competenceId: z.string(),
  kind: z.enum(questionKinds),
  level: z.enum(questionLevels),
  uses: z.array(z.enum(questionUses)),
  situation: z.string().nullable(),
  prompt: z.string(),
  options: z.array(
    z.object({ id: z.string(), text: z.string(), correct: z.boolean(), feedback: z.string() }),
  ),
  modelAnswer: z.string().nullable(),
  updatedAt: z.string(),
  origin: z.enum(questionOrigins),
  ai: aiOriginView.nullable(),
});
export type QuestionView = z.infer<typeof questionView>;

/** Per competence: how often learners miss its practice questions, and how many needed extra help. */
export const competenceTrouble = z.object({
  competenceId: z.string(),
  name: z.string(),
  answers: z.number().int(),
  missRate: z.number().nullable(),
  learnersInRemediation: z.number().int(),
});
export type CompetenceTrouble = z.infer<typeof competenceTrouble>;

export const questionBank = z.object({
  questions: z.array(questionView),
  trouble: z.array(competenceTrouble),
});
export type QuestionBank = z.infer<typeof questionBank>;

export const questionParams = z.object({ trajectoryId: idSchema, questionId: idSchema });

export const importQuestionsBody = z.object({
  format: z.enum(["csv", "json"]),
  content: z.string().min(1).max(2_000_000),
});

export const importQuestionsResult = z.object({
  imported: z.number().int(),
});
export type ImportQuestionsBody = z.infer<typeof importQuestionsBody>;
export type ImportQuestionsResult = z.infer<typeof importQuestionsResult>;
