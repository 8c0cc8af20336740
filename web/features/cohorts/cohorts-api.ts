import { useQuery } from "@tanstack/react-query";
import type {
  CohortDetail,
  CohortSummary,
  CreateCohortBody,
  UpdateCohortBody,
} from "../../../common/schemas/cohorts.ts";
import { api } from "../../lib/api.ts";

export const cohortKeys = {
  all: ["cohorts"] as const,
  list: () => [...cohortKeys.all, "list"] as const,
  detail: (cohortId: string) => [...cohortKeys.all, "detail", cohortId] as const,
};

export const cohortsApi = {
  list: () => api<CohortSummary[]>("GET", "/api/cohorts"),
  get: (cohortId: string) => api<CohortDetail>("GET", `/api/cohorts/${cohortId}`),
  plan: (body: CreateCohortBody) => api<CohortDetail>("POST", "/api/cohorts", body),
  update: (cohortId: string, body: UpdateCohortBody) =>
    api<CohortDetail>("PATCH", `/api/cohorts/${cohortId}`, body),
  cancel: (cohortId: string) => api<CohortDetail>("POST", `/api/cohorts/${cohortId}/cancel`),
};

export const useCohorts = () => useQuery({ queryKey: cohortKeys.list(), queryFn: cohortsApi.list });

export const useCohort = (cohortId: string) =>
  useQuery({ queryKey: cohortKeys.detail(cohortId), queryFn: () => cohortsApi.get(cohortId) });
