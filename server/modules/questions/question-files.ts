import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import {
  type AiOriginView,
  questionInput,
  type QuestionInput,
  questionKinds,
  type QuestionView,
} from "../../../common/schemas/questions.ts";
import type { Competence } from "../../../common/schemas/trajectories.ts";
import type { Locale } from "../../../common/locales.ts";
import { restoreFormula, toCsv } from "../../files/csv.ts";
import { detectDelimiter } from "../organisations/index.ts";

/**
 * The question bank as files: CSV for spreadsheets (one question per row, options in numbered columns)
 * and JSON for tools. Pure: parsing returns inputs or the first problem with its line number.
 */
export const MAX_OPTIONS = 6;
const optionColumns = Array.from({ length: MAX_OPTIONS }, (_, i) => i + 1);
export const csvHeader = [
  "competence",
  "kind",
  "level",
  "uses",
  "situation",
  "question",
  ...optionColumns.flatMap((n) => [`option_${n}`, `feedback_${n}`]),
  "correct",
  "model_answer",
  // Where the question came from (decision 0028); the import ignores these columns.
  "origin",
  "ai_model",
  "reviewed_by",
  "reviewed_at",
];

export interface ImportProblem {
  line: number;
  field: string;
  code: string;
}

export class QuestionFileError {
  readonly problem: ImportProblem;

  constructor(problem: ImportProblem) {
    this.problem = problem;
  }
}

const competenceName = (competences: Competence[], id: string) =>
  competences.find((c) => c.id === id)?.name ?? id;

export function questionsToCsv(questions: QuestionView[], competences: Competence[], locale: Locale): string {
  const rows = questions.map((q) => [
    competenceName(competences, q.competenceId),
    q.kind,
    q.level,
    q.uses.join("|"),
    q.situation ?? "",
    q.prompt,
    ...optionColumns.flatMap((n) => [q.options[n - 1]?.text ?? "", q.options[n - 1]?.feedback ?? ""]),
    q.options.flatMap((option, index) => (option.correct ? [String(index + 1)] : [])).join("|"),
    q.modelAnswer ?? "",
    q.origin,
    q.ai?.model ?? "",
    q.ai?.reviewedBy ?? "",
    q.ai?.reviewedAt ?? "",
  ]);
  return toCsv([csvHeader, ...rows], locale);
}

export function questionsToJson(questions: QuestionView[]): string {
  const inputs: (QuestionInput & Pick<QuestionView, "origin"> & { ai?: AiOriginView })[] = questions.map(
    (q) => ({
      competenceId: q.competenceId,
      kind: q.kind,
      level: q.level,
      uses: q.uses,
      ...(q.situation ? { situation: q.situation } : {}),
      prompt: q.prompt,
      options: q.options,
      ...(q.modelAnswer ? { modelAnswer: q.modelAnswer } : {}),
      // The origin travels with the question so a reader of the file knows it; an import ignores it.
      origin: q.origin,
      ...(q.ai ? { ai: q.ai } : {}),
    }),
  );
  return `${JSON.stringify({ format: "beklijf-questions", version: 1, questions: inputs }, null, 2)}\n`;
}

/** Finds a competence by id or by name (case-insensitive), as spreadsheets carry names. */
function resolveCompetence(competences: Competence[], value: string): string | null {
  const wanted = value.trim().toLowerCase();
  const found = competences.find((c) => c.id === value.trim() || c.name.toLowerCase() === wanted);
  return found?.id ?? null;
}

function validate(raw: unknown, line: number, competences: Competence[]): QuestionInput {
  const parsed = questionInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const code = issue.code === "custom" ? issue.message : "invalid";
    throw new QuestionFileError({ line, field: String(issue.path[0] ?? "question"), code });
  }
  const competenceId = resolveCompetence(competences, parsed.data.competenceId);
  if (!competenceId) throw new QuestionFileError({ line, field: "competenceId", code: "unknown_competence" });
  return {
    ...parsed.data,
    competenceId,
    options: parsed.data.options.map((o) => ({ ...o, id: o.id ?? randomUUID().slice(0, 8) })),
  };
}

const split = (value: string) =>
  value
    .split(/[|,]/)
    .map((part) => part.trim())
    .filter(Boolean);

function rowToRaw(row: Record<string, string>) {
  const correct = new Set(split(row.correct ?? "").map(Number));
  const options = optionColumns
    .filter((n) => (row[`option_${n}`] ?? "").trim())
    .map((n) => ({
      text: row[`option_${n}`]!,
      feedback: row[`feedback_${n}`] ?? "",
      correct: correct.has(n),
    }));
  const kind = (row.kind ?? "").trim().toLowerCase();
  return {
    competenceId: row.competence ?? "",
    kind: (questionKinds as readonly string[]).includes(kind) ? kind : kind || undefined,
    level: (row.level ?? "").trim().toLowerCase() || undefined,
    uses: row.uses?.trim() ? split(row.uses.toLowerCase()) : undefined,
    situation: row.situation?.trim() || undefined,
    prompt: row.question ?? "",
    options,
    modelAnswer: row.model_answer?.trim() || undefined,
  };
}

export function parseQuestionsCsv(text: string, competences: Competence[]): QuestionInput[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().replace(/\s+/g, "_")),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as Record<string, string>[];
  } catch {
    throw new QuestionFileError({ line: 1, field: "content", code: "import_unreadable" });
  }
  if (rows.length === 0) throw new QuestionFileError({ line: 1, field: "content", code: "import_empty" });
  if (rows.length > 2000)
    throw new QuestionFileError({ line: 1, field: "content", code: "import_too_many_rows" });
  // Line numbers as a spreadsheet shows them: the header is line 1. Our export quoted formula-like text
  // (CSV injection); a spreadsheet hides that quote too, so it is not part of the text.
  return rows.map((row, index) =>
    validate(
      rowToRaw(Object.fromEntries(Object.entries(row).map(([key, value]) => [key, restoreFormula(value)]))),
      index + 2,
      competences,
    ),
  );
}

export function parseQuestionsJson(text: string, competences: Competence[]): QuestionInput[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new QuestionFileError({ line: 1, field: "content", code: "import_unreadable" });
  }
  const list = Array.isArray(data) ? data : (data as { questions?: unknown } | null)?.questions;
  if (!Array.isArray(list))
    throw new QuestionFileError({ line: 1, field: "content", code: "import_unreadable" });
  if (list.length === 0) throw new QuestionFileError({ line: 1, field: "content", code: "import_empty" });
  if (list.length > 2000)
    throw new QuestionFileError({ line: 1, field: "content", code: "import_too_many_rows" });
  // For JSON the "line" is the question's position in the list, counted from 1.
  return list.map((raw, index) => validate(raw, index + 1, competences));
}
