import { randomUUID } from "node:crypto";
import { count, eq, gte, isNull, sql } from "drizzle-orm";
import type {
  CompetenceTrouble,
  QuestionBank,
  QuestionInput,
  QuestionView,
} from "../../../common/schemas/questions.ts";
import type { Locale } from "../../../common/locales.ts";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { answers, cohorts, questions, remediations, trajectories } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError, notFound } from "../../errors.ts";
import type { Actor } from "../../http/context.ts";
import { authorize } from "../trajectories/index.ts";
import {
  parseQuestionsCsv,
  parseQuestionsJson,
  QuestionFileError,
  questionsToCsv,
  questionsToJson,
} from "./question-files.ts";
import { recordAudit } from "../../audit.ts";

type QuestionRow = typeof questions.$inferSelect;

export function presentQuestion(row: QuestionRow): QuestionView {
  return {
    id: row.id,
    competenceId: row.competenceId,
    kind: row.kind,
    level: row.level,
    uses: row.uses,
    situation: row.situation,
    prompt: row.prompt,
    options: row.options,
    modelAnswer: row.modelAnswer,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function loadDocument(tenant: Tenant, trajectoryId: string): Promise<TrajectoryDocument> {
  const [row] = await tenant.db
    .select({ document: trajectories.document })
    .from(trajectories)
    .where(tenant.where(trajectories, eq(trajectories.id, trajectoryId)));
  if (!row) throw notFound("trajectory");
  return row.document;
}

function assertCompetence(document: TrajectoryDocument, competenceId: string): void {
  if (!document.competences.some((c) => c.id === competenceId)) {
    throw new AppError("VALIDATION_FAILED", "unknown competence", {}, [
      { field: "competenceId", code: "unknown_competence" },
    ]);
  }
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
  const cohortIds = tenant.db
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(tenant.where(cohorts, eq(cohorts.trajectoryId, trajectoryId)));
  const stats = await tenant.db
    .select({
      competenceId: answers.competenceId,
      total: count(),
      missed: sql<number>`count(*) filter (where not ${answers.correct})`.mapWith(Number),
    })
    .from(answers)
    .where(
      tenant.where(
        answers,
        eq(answers.context, "practice"),
        gte(answers.answeredAt, since),
        sql`${answers.cohortId} in ${cohortIds}`,
      ),
    )
    .groupBy(answers.competenceId);
  const helped = await tenant.db
    .select({ competenceId: remediations.competenceId, learners: count() })
    .from(remediations)
    .where(tenant.where(remediations, sql`${remediations.cohortId} in ${cohortIds}`))
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
  return tenant.db
    .select()
    .from(questions)
    .where(tenant.where(questions, eq(questions.trajectoryId, trajectoryId), isNull(questions.deletedAt)))
    .orderBy(questions.createdAt, questions.id);
}

export async function getQuestionBank(
  tenant: Tenant,
  actor: Actor,
  trajectoryId: string,
  now: Date,
): Promise<QuestionBank> {
  authorize(actor, "trajectory.write");
  const document = await loadDocument(tenant, trajectoryId);
  const rows = await activeQuestions(tenant, trajectoryId);
  return {
    questions: rows.map(presentQuestion),
    trouble: await troubleByCompetence(tenant, trajectoryId, document, now),
  };
}

export async function createQuestion(
  tenant: Tenant,
  actor: Actor,
  trajectoryId: string,
  input: QuestionInput,
): Promise<QuestionView> {
  authorize(actor, "trajectory.write");
  assertCompetence(await loadDocument(tenant, trajectoryId), input.competenceId);
  const [row] = await tenant.db
    .insert(questions)
    .values(tenant.row({ ...rowValues(trajectoryId, input), createdBy: actor.personId }))
    .returning();
  return presentQuestion(row!);
}

export async function updateQuestion(
  tenant: Tenant,
  actor: Actor,
  trajectoryId: string,
  questionId: string,
  input: QuestionInput,
  now: Date,
): Promise<QuestionView> {
  authorize(actor, "trajectory.write");
  assertCompetence(await loadDocument(tenant, trajectoryId), input.competenceId);
  const [row] = await tenant.db
    .update(questions)
    .set({ ...rowValues(trajectoryId, input), updatedAt: now })
    .where(
      tenant.where(
        questions,
        eq(questions.id, questionId),
        eq(questions.trajectoryId, trajectoryId),
        isNull(questions.deletedAt),
      ),
    )
    .returning();
  if (!row) throw notFound("question");
  return presentQuestion(row);
}

/** Takes a question out of the bank and out of practice; answers already given keep pointing at it. */
export async function deleteQuestion(
  tenant: Tenant,
  actor: Actor,
  trajectoryId: string,
  questionId: string,
  now: Date,
): Promise<void> {
  authorize(actor, "trajectory.write");
  const [row] = await tenant.db
    .update(questions)
    .set({ deletedAt: now })
    .where(
      tenant.where(
        questions,
        eq(questions.id, questionId),
        eq(questions.trajectoryId, trajectoryId),
        isNull(questions.deletedAt),
      ),
    )
    .returning({ id: questions.id });
  if (!row) throw notFound("question");
}

export async function exportQuestions(
  tenant: Tenant,
  actor: Actor,
  trajectoryId: string,
  format: "csv" | "json",
  locale: Locale,
): Promise<string> {
  authorize(actor, "trajectory.write");
  const document = await loadDocument(tenant, trajectoryId);
  const rows = (await activeQuestions(tenant, trajectoryId)).map(presentQuestion);
  return format === "csv" ? questionsToCsv(rows, document.competences, locale) : questionsToJson(rows);
}

/** Adds every question of the file, or none: a file with one bad row imports nothing. */
export async function importQuestions(
  tenant: Tenant,
  actor: Actor,
  trajectoryId: string,
  file: { format: "csv" | "json"; content: string },
  now: Date,
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
