import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SurveyAnswers, SurveyView } from "../../../common/schemas/impact.ts";
import type {
  ActivityDetail,
  CalendarFeedResponse,
  ExtraMaterialView,
  LearningPreferences,
  MyCheckInsResponse,
  PracticeAnswerBody,
  PracticeAnswerResult,
  PracticeResponse,
  ProgressStatus,
  TestResult,
  TodayResponse,
} from "../../../common/schemas/learning.ts";
import { api } from "../../lib/api.ts";

/**
 * Query keys of the learner's side. The values are the ones other features already invalidate
 * ("today" after a plan or an application), so they stay as they are.
 */
export const learningKeys = {
  today: () => ["today"] as const,
  practice: () => ["practice"] as const,
  activity: (cohortId: string, activityId: string) => ["activity", cohortId, activityId] as const,
  extraMaterial: (cohortId: string, competenceId: string) => ["extra", cohortId, competenceId] as const,
  preferences: () => ["learning-preferences"] as const,
  calendarFeed: () => ["calendar-feed"] as const,
  checkIns: () => ["my-check-ins"] as const,
};

/** What an answered test or survey makes stale: the activity itself and the Today list. */
export const activityAnswered = ({ cohortId, activityId }: { cohortId: string; activityId: string }) => [
  learningKeys.activity(cohortId, activityId),
  learningKeys.today(),
];

const activityPath = (cohortId: string, activityId: string) => `/api/me/activities/${cohortId}/${activityId}`;
const extraMaterialPath = (cohortId: string, competenceId: string) =>
  `/api/me/extra-material/${cohortId}/${competenceId}`;

/** The learner's API calls, typed by the schemas the server validates with. */
export const learningApi = {
  today: () => api<TodayResponse>("GET", "/api/me/today"),
  practice: () => api<PracticeResponse>("GET", "/api/me/practice"),
  answerCard: (body: PracticeAnswerBody) => api<PracticeAnswerResult>("POST", "/api/practice-answers", body),
  activity: (cohortId: string, activityId: string) =>
    api<ActivityDetail>("GET", activityPath(cohortId, activityId)),
  setProgress: (cohortId: string, activityId: string, status: ProgressStatus) =>
    api<ActivityDetail>("POST", `${activityPath(cohortId, activityId)}/progress`, { status }),
  submitTest: (cohortId: string, activityId: string, answers: { questionId: string; optionId: string }[]) =>
    api<TestResult>("POST", `${activityPath(cohortId, activityId)}/test`, { answers }),
  submitSurvey: (cohortId: string, activityId: string, answers: SurveyAnswers) =>
    api<SurveyView>("POST", `${activityPath(cohortId, activityId)}/survey`, { answers }),
  extraMaterial: (cohortId: string, competenceId: string) =>
    api<ExtraMaterialView>("GET", extraMaterialPath(cohortId, competenceId)),
  markExtraMaterialDone: (cohortId: string, competenceId: string) =>
    api<ExtraMaterialView>("POST", `${extraMaterialPath(cohortId, competenceId)}/done`),
  preferences: () => api<LearningPreferences>("GET", "/api/me/learning-preferences"),
  updatePreferences: (patch: Partial<LearningPreferences>) =>
    api<LearningPreferences>("PATCH", "/api/me/learning-preferences", patch),
  calendarFeed: () => api<CalendarFeedResponse>("GET", "/api/me/calendar-feed"),
  revokeCalendarFeed: () => api<void>("DELETE", "/api/me/calendar-feed"),
  checkIns: () => api<MyCheckInsResponse>("GET", "/api/me/check-ins"),
};

/** The check-ins the learner's managers recorded with her, with what was agreed. */
export const useMyCheckIns = () =>
  useQuery({ queryKey: learningKeys.checkIns(), queryFn: learningApi.checkIns });

export const useToday = () => useQuery({ queryKey: learningKeys.today(), queryFn: learningApi.today });

export const usePractice = () =>
  useQuery({ queryKey: learningKeys.practice(), queryFn: learningApi.practice });

export const useActivity = (cohortId: string, activityId: string) =>
  useQuery({
    queryKey: learningKeys.activity(cohortId, activityId),
    queryFn: () => learningApi.activity(cohortId, activityId),
  });

/** Done, chosen, skipped or taken back ("open"): the Today list follows at once. */
export function useProgress(cohortId: string, activityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: ProgressStatus) => learningApi.setProgress(cohortId, activityId, status),
    onSuccess: async (detail) => {
      client.setQueryData(learningKeys.activity(cohortId, activityId), detail);
      await client.invalidateQueries({ queryKey: learningKeys.today() });
    },
  });
}

export const usePreferences = () =>
  useQuery({ queryKey: learningKeys.preferences(), queryFn: learningApi.preferences });
