import { useQuery } from "@tanstack/react-query";
import type {
  ImportQuestionsBody,
  ImportQuestionsResult,
  QuestionBank,
  QuestionInput,
  QuestionView,
} from "../../../common/schemas/questions.ts";
import { api } from "../../lib/api.ts";

export const questionKeys = {
  all: ["questions"] as const,
  bank: (trajectoryId: string) => [...questionKeys.all, trajectoryId] as const,
};

const bankPath = (trajectoryId: string) => `/api/trajectories/${trajectoryId}/questions`;

export const questionsApi = {
  bank: (trajectoryId: string) => api<QuestionBank>("GET", bankPath(trajectoryId)),
  create: (trajectoryId: string, question: QuestionInput) =>
    api<QuestionView>("POST", bankPath(trajectoryId), question),
  update: (trajectoryId: string, questionId: string, question: QuestionInput) =>
    api<QuestionView>("PUT", `${bankPath(trajectoryId)}/${questionId}`, question),
  remove: (trajectoryId: string, questionId: string) =>
    api<void>("DELETE", `${bankPath(trajectoryId)}/${questionId}`),
  import: (trajectoryId: string, file: ImportQuestionsBody) =>
    api<ImportQuestionsResult>("POST", `${bankPath(trajectoryId)}/import`, file),
  /** A download link, not a call: the browser saves the file. */
  exportHref: (trajectoryId: string, format: "csv" | "json") =>
    `${bankPath(trajectoryId)}/export?format=${format}`,
};

export const useQuestionBank = (trajectoryId: string) =>
  useQuery({ queryKey: questionKeys.bank(trajectoryId), queryFn: () => questionsApi.bank(trajectoryId) });
