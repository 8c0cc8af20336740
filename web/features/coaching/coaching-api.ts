import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CoachView,
  MyCoachingView,
  sessionBody,
  sessionView,
  updateSessionBody,
} from "../../../common/schemas/coaching.ts";
import { api } from "../../lib/api.ts";

export const coachingKeys = {
  all: ["coaching"] as const,
  coach: () => [...coachingKeys.all, "coach"] as const,
  mine: () => [...coachingKeys.all, "mine"] as const,
};

export const useCoachView = () =>
  useQuery({ queryKey: coachingKeys.coach(), queryFn: () => api<CoachView>("GET", "/api/coaching") });

export const useMyCoaching = () =>
  useQuery({ queryKey: coachingKeys.mine(), queryFn: () => api<MyCoachingView>("GET", "/api/me/coaching") });

export const offerCoaching = (personId: string | undefined) =>
  api<void>("POST", "/api/coaching/relations", { personId });

export const answerOffer = ({ relationId, accept }: { relationId: string; accept: boolean }) =>
  api<void>("POST", `/api/coaching/relations/${relationId}/answer`, { accept });

export const scheduleSession = (session: Partial<z.input<typeof sessionBody>>) =>
  api<z.infer<typeof sessionView>>("POST", "/api/coaching/sessions", session);

export const updateSession = (sessionId: string, changes: Partial<z.input<typeof updateSessionBody>>) =>
  api<z.infer<typeof sessionView>>("PATCH", `/api/coaching/sessions/${sessionId}`, changes);

export const deleteSession = (sessionId: string) =>
  api<void>("DELETE", `/api/coaching/sessions/${sessionId}`);
