import { useQuery } from "@tanstack/react-query";
import type {
  AcceptDraftBody,
  AiSettingsBody,
  AiSettingsView,
  AiUsageView,
  DraftingJobView,
  DraftRequestBody,
  QuestionDraftList,
  QuestionDraftView,
} from "../../../common/schemas/ai.ts";
import { api } from "../../lib/api.ts";

export type { AiSettingsView, AiUsageView, DraftingJobView, QuestionDraftList, QuestionDraftView };

export const aiKeys = {
  settings: ["ai", "settings"] as const,
  usage: ["ai", "usage"] as const,
  drafts: (trajectoryId: string) => ["ai", "drafts", trajectoryId] as const,
};

const draftsPath = (trajectoryId: string) => `/api/trajectories/${trajectoryId}/question-drafts`;

export const aiApi = {
  settings: () => api<AiSettingsView>("GET", "/api/organisation/ai"),
  saveSettings: (body: AiSettingsBody) => api<AiSettingsView>("PUT", "/api/organisation/ai", body),
  usage: () => api<AiUsageView>("GET", "/api/organisation/ai/usage"),
  drafts: (trajectoryId: string) => api<QuestionDraftList>("GET", draftsPath(trajectoryId)),
  requestDrafts: (trajectoryId: string, body: DraftRequestBody) =>
    api<DraftingJobView>("POST", draftsPath(trajectoryId), body),
  accept: (trajectoryId: string, draftId: string, body: AcceptDraftBody) =>
    api<QuestionDraftView>("POST", `${draftsPath(trajectoryId)}/${draftId}/accept`, body),
  reject: (trajectoryId: string, draftId: string) =>
    api<QuestionDraftView>("POST", `${draftsPath(trajectoryId)}/${draftId}/reject`),
};

const isWorking = (list: QuestionDraftList | undefined) =>
  list?.jobs.some((job) => job.status === "queued" || job.status === "running") ?? false;

/** The review queue; polled every two seconds while a drafting job is queued or running (progress). */
export const useQuestionDrafts = (trajectoryId: string) =>
  useQuery({
    queryKey: aiKeys.drafts(trajectoryId),
    queryFn: () => aiApi.drafts(trajectoryId),
    refetchInterval: (query) => (isWorking(query.state.data) ? 2_000 : false),
  });
