import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  answerFeedbackBody,
  askFeedbackBody,
  colleaguesView,
  MyFeedbackView,
} from "../../../common/schemas/peer-feedback.ts";
import { api } from "../../lib/api.ts";

export const feedbackKeys = {
  all: ["peer-feedback"] as const,
  mine: () => [...feedbackKeys.all, "mine"] as const,
  colleagues: () => [...feedbackKeys.all, "colleagues"] as const,
};

export const useMyFeedback = () =>
  useQuery({ queryKey: feedbackKeys.mine(), queryFn: () => api<MyFeedbackView>("GET", "/api/me/feedback") });

export const useColleagues = () =>
  useQuery({
    queryKey: feedbackKeys.colleagues(),
    queryFn: () => api<z.infer<typeof colleaguesView>>("GET", "/api/me/cohort-colleagues"),
  });

/** Ask a colleague; an unchosen colleague is left to the server, which names the field. */
export const askFeedback = (request: Partial<z.input<typeof askFeedbackBody>>) =>
  api<{ id: string }>("POST", "/api/feedback-requests", request);

export const answerFeedback = (requestId: string, answer: z.input<typeof answerFeedbackBody>) =>
  api<void>("POST", `/api/feedback-requests/${requestId}/answer`, answer);

/** The photo or video's address, for a link that opens it (the server decides inline or download). */
export const attachmentUrl = (requestId: string) => `/api/feedback-requests/${requestId}/attachment`;
