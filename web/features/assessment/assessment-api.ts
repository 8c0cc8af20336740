import { useQuery } from "@tanstack/react-query";
import type {
  AssessingView,
  AssessmentBoard,
  AssessmentBody,
  MyAssessmentView,
} from "../../../common/schemas/attendance.ts";
import { api } from "../../lib/api.ts";

export const assessmentKeys = {
  board: (cohortId: string) => ["assessments", cohortId] as const,
  mine: (cohortId: string, activityId: string) => ["assessments", cohortId, "mine", activityId] as const,
  assessing: () => ["assessments", "assessing"] as const,
};

export const assessmentApi = {
  assessing: () => api<AssessingView>("GET", "/api/me/assessing"),
  board: (cohortId: string) => api<AssessmentBoard>("GET", `/api/cohorts/${cohortId}/assessments`),
  record: (cohortId: string, body: AssessmentBody) =>
    api<{ recorded: number }>("POST", `/api/cohorts/${cohortId}/assessments`, body),
  nameAssessors: (cohortId: string, personIds: string[]) =>
    api<Pick<AssessmentBoard, "assessors">>("PUT", `/api/cohorts/${cohortId}/assessors`, { personIds }),
  mine: (cohortId: string, activityId: string) =>
    api<MyAssessmentView>("GET", `/api/me/assessments/${cohortId}/${encodeURIComponent(activityId)}`),
};

export const useAssessmentBoard = (cohortId: string) =>
  useQuery({ queryKey: assessmentKeys.board(cohortId), queryFn: () => assessmentApi.board(cohortId) });

export const useMyAssessment = (cohortId: string, activityId: string) =>
  useQuery({
    queryKey: assessmentKeys.mine(cohortId, activityId),
    queryFn: () => assessmentApi.mine(cohortId, activityId),
  });

export const useAssessing = () =>
  useQuery({ queryKey: assessmentKeys.assessing(), queryFn: assessmentApi.assessing });
