import { randomUUID } from "node:crypto";
import { count, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type {
  CompetenceTrouble,
  QuestionBank,
  QuestionInput,
  QuestionView,
} from "../../../common/schemas/questions.ts";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { answers, cohorts, persons, questions, remediations, trajectories } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, invalid, notFound } from "../../errors.ts";
import type { Scope } from "../../http/scope.ts";
import { authorize } from "../trajectories/index.ts";
import {
  parseQuestionsCsv,
  parseQuestionsJson,
  QuestionFileError,
  questionsToCsv,
  questionsToJson,
} from "./question-files.ts";
import { recordAudit } from "../../audit.ts";

import { presentQuestion, type QuestionRow } from "./questions.presenter.ts";

/** Which question of which trajectory a change is about. */
interface QuestionRef {
  trajectoryId: string;
  questionId: string;
}

/** The trajectory's document: its competences are what questions are filed under. */
async function loadDocument(tenant: Tenant, trajectoryId: string): Promise<TrajectoryDocument> {
  const [row] = await tenant.select(
    trajectories,
    { document: trajectories.document },
    eq(trajectories.id, trajectoryId),
  );
  if (!row) throw notFound("trajectory");
  return row.document;
}

function assertCompetence(document: TrajectoryDocument, competenceId: string): void {
  if (!document.competences.some((c) => c.id === competenceId))
    throw invalid("competenceId", "unknown_competence");
}

const withOptionIds = (input: QuestionInput) =>
  input.options.map((o) => ({ ...o, id: o.id ?? randomUUID().slice(0, 8) }));

function rowValues(
  trajectoryId: string,
  input: QuestionInput,
): Omit<typeof questions.$inferInsert, "organisationId"> {
  return {
    trajectoryId,
    competenceId: input.competenceId,
    kind: input.kind,
    level: input.kind === "scenario" ? "decision" : input.level,
    uses: [...new Set(input.uses)],
    situation: input.situation ?? null,
    prompt: input.prompt,
    options: input.kind === "open" ? [] : withOptionIds(input),
    modelAnswer: input.modelAnswer ?? null,
  };
}

/** Where learners stumble: miss rate per competence over the last 60 days of practice. */
async function troubleByCompetence(
  tenant: Tenant,
  trajectoryId: string,
  document: TrajectoryDocument,
  now: Date,
): Promise<CompetenceTrouble[]> {
  const since = new Date(now.getTime() - 60 * 86_400_000);
  const cohortIds = tenant.select(cohorts, { id: cohorts.id }, eq(cohorts.trajectoryId, trajectoryId));
  const stats = await tenant
    .select(
      answers,
      {
        competenceId: answers.competenceId,
        total: count(),
        missed: sql<number>`count(*) filter (where not ${answers.correct})`.mapWith(Number),
      },
      eq(answers.context, "practice"),
      gte(answers.answeredAt, since),
      inArray(answers.cohortId, cohortIds),
    )
    .groupBy(answers.competenceId);
  const helped = await tenant
    .select(
      remediations,
      { competenceId: remediations.competenceId, learners: count() },
      inArray(remediations.cohortId, cohortIds),
    )
    .groupBy(remediations.competenceId);
  return document.competences.map((competence) => {
    const stat = stats.find((s) => s.competenceId === competence.id);
    return {
      competenceId: competence.id ?? "",
      name: competence.name,
      answers: stat?.total ?? 0,
      missRate: stat && stat.total > 0 ? stat.missed / stat.total : null,
      learnersInRemediation: helped.find((h) => h.competenceId === competence.id)?.learners ?? 0,
    };
  });
}

async function activeQuestions(tenant: Tenant, trajectoryId: string): Promise<QuestionRow[]> {
  return tenant
    .selectRows(questions, eq(questions.trajectoryId, trajectoryId), isNull(questions.deletedAt))
    .orderBy(questions.createdAt, questions.id);
}

/** The bank's questions presented, each AI-drafted one with the name of who accepted it. */
async function presentBank(tenant: Tenant, rows: QuestionRow[]): Promise<QuestionView[]> {
  const reviewerIds = [...new Set(rows.flatMap((row) => (row.reviewedBy ? [row.reviewedBy] : [])))];
  const reviewers =
    reviewerIds.length === 0
      ? []
      : await tenant.select(
          persons,
          { id: persons.id, name: persons.name },
          inArray(persons.id, reviewerIds),
        );
  const nameOf = (id: string | null) => reviewers.find((p) => p.id === id)?.name ?? null;
  return rows.map((row) => presentQuestion(row, nameOf(row.reviewedBy)));
}

/** The trajectory's questions, and which competences learners keep missing. */
export async function getQuestionBank(
  { tenant, actor, now }: Scope,
  { trajectoryId }: { trajectoryId: string },
): Promise<QuestionBank> {
  authorize(actor, "trajectory.write");
  const document = await loadDocument(tenant, trajectoryId);
  const rows = await activeQuestions(tenant, trajectoryId);
  return {
    questions: await presentBank(tenant, rows),
    trouble: await troubleByCompetence(tenant, trajectoryId, document, now),
  };
}

/** Adds a question under one of the trajectory's competences. */
export async function createQuestion(
  { tenant, actor }: Scope,
  { trajectoryId, question: input }: { trajectoryId: string; question: QuestionInput },
): Promise<QuestionView> {
  authorize(actor, "trajectory.write");
  assertCompetence(await loadDocument(tenant, trajectoryId), input.competenceId);
  const [row] = await tenant.db
    .insert(questions)
    .values(tenant.row({ ...rowValues(trajectoryId, input), createdBy: actor.personId }))
    .returning();
  return presentQuestion(row!);
}

/** A question still in the bank: not another trajectory's, not removed. */
const inBank = (tenant: Tenant, { trajectoryId, questionId }: QuestionRef) =>
  tenant.where(
    questions,
    eq(questions.id, questionId),
    eq(questions.trajectoryId, trajectoryId),
    isNull(questions.deletedAt),
  );

/** Changes a question; answers already given keep pointing at it. */
export async function updateQuestion(
  { tenant, actor, now }: Scope,
  { question: input, ...ref }: QuestionRef & { question: QuestionInput },
): Promise<QuestionView> {
  authorize(actor, "trajectory.write");
  assertCompetence(await loadDocument(tenant, ref.trajectoryId), input.competenceId);
  const [row] = await tenant.db
    .update(questions)
    .set({ ...rowValues(ref.trajectoryId, input), updatedAt: now })
    .where(inBank(tenant, ref))
    .returning();
  if (!row) throw notFound("question");
  return presentQuestion(row);
}

/** Takes a question out of the bank and out of practice; answers already given keep pointing at it. */
export async function deleteQuestion({ tenant, actor, now }: Scope, ref: QuestionRef): Promise<void> {
  authorize(actor, "trajectory.write");
  const [row] = await tenant.db
    .update(questions)
    .set({ deletedAt: now })
    .where(inBank(tenant, ref))
    .returning({ id: questions.id });
  if (!row) throw notFound("question");
}

/** The bank as a file: CSV (semicolons, numbers per language, for spreadsheets) or JSON. */
export async function exportQuestions(
  { tenant, actor, locale }: Scope,
  { trajectoryId, format }: { trajectoryId: string; format: "csv" | "json" },
): Promise<string> {
  authorize(actor, "trajectory.write");
  const document = await loadDocument(tenant, trajectoryId);
  const rows = await presentBank(tenant, await activeQuestions(tenant, trajectoryId));
  return format === "csv" ? questionsToCsv(rows, document.competences, locale) : questionsToJson(rows);
}

/** Adds every question of the file, or none: a file with one bad row imports nothing. */
export async function importQuestions(
  { tenant, actor, now }: Scope,
  { trajectoryId, file }: { trajectoryId: string; file: { format: "csv" | "json"; content: string } },
): Promise<{ imported: number }> {
  authorize(actor, "trajectory.write");
  const document = await loadDocument(tenant, trajectoryId);
  let inputs: QuestionInput[];
  try {
    inputs =
      file.format === "csv"
        ? parseQuestionsCsv(file.content, document.competences)
        : parseQuestionsJson(file.content, document.competences);
  } catch (error) {
    if (!(error instanceof QuestionFileError)) throw error;
    const { line, field, code } = error.problem;
    throw new AppError("QUESTIONS_IMPORT_INVALID", `line ${line}: ${field} ${code}`, { line }, [
      { field, code },
    ]);
  }
  return tenant.transaction(async (tx) => {
    await tx.db.insert(questions).values(
      tx.rows(
        inputs.map((input, index) => ({
          ...rowValues(trajectoryId, input),
          createdBy: actor.personId,
          // One millisecond apart, so the bank keeps the file's order.
          createdAt: new Date(now.getTime() + index),
        })),
      ),
    );
    await recordAudit(
      tx,
      actor,
      "questions.imported",
      { type: "trajectory", id: trajectoryId },
      { count: inputs.length },
    );
    return { imported: inputs.length };
  });
}

/** An AI draft a designer accepted, with its trail (decision 0028): the `ai` module calls this. */
export interface AcceptedDraft {
  trajectoryId: string;
  question: QuestionInput;
  model: string;
  draftedAt: Date;
  source: string | null;
  reviewedBy: string;
  reviewedAt: Date;
}

/**
 * Adds an accepted AI draft to the bank inside the caller's transaction. The competence is checked as
 * for any question, so a draft for a competence removed meanwhile is refused by name.
 */
export async function addAcceptedDraft(tenant: Tenant, draft: AcceptedDraft): Promise<QuestionView> {
  assertCompetence(await loadDocument(tenant, draft.trajectoryId), draft.question.competenceId);
  const [row] = await tenant.db
    .insert(questions)
    .values(
      tenant.row({
        ...rowValues(draft.trajectoryId, draft.question),
        createdBy: draft.reviewedBy,
        origin: "ai",
        aiModel: draft.model,
        aiDraftedAt: draft.draftedAt,
        aiSource: draft.source,
        reviewedBy: draft.reviewedBy,
        reviewedAt: draft.reviewedAt,
      }),
    )
    .returning();
  return presentQuestion(row!);
}
