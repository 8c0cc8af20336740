import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ActivityDetail,
  LearningPreferences,
  PracticeResponse,
  TodayResponse,
} from "../../../common/schemas/learning.ts";
import { api } from "../../lib/api.ts";

export const useToday = () =>
  useQuery({ queryKey: ["today"], queryFn: () => api<TodayResponse>("GET", "/api/me/today") });

export const usePractice = () =>
  useQuery({ queryKey: ["practice"], queryFn: () => api<PracticeResponse>("GET", "/api/me/practice") });

export const useActivity = (cohortId: string, activityId: string) =>
  useQuery({
    queryKey: ["activity", cohortId, activityId],
    queryFn: () => api<ActivityDetail>("GET", `/api/me/activities/${cohortId}/${activityId}`),
  });

/** Done, chosen or skipped: the Today list follows at once. */
export function useProgress(cohortId: string, activityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: "done" | "chosen" | "skipped") =>
      api<ActivityDetail>("POST", `/api/me/activities/${cohortId}/${activityId}/progress`, { status }),
    onSuccess: async (detail) => {
      client.setQueryData(["activity", cohortId, activityId], detail);
      await client.invalidateQueries({ queryKey: ["today"] });
    },
  });
}

export const usePreferences = () =>
  useQuery({
    queryKey: ["learning-preferences"],
    queryFn: () => api<LearningPreferences>("GET", "/api/me/learning-preferences"),
  });
