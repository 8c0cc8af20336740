import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  applicationView,
  createApplicationBody,
  createPlanBody,
  enrolmentView,
  planCheckBody,
  planCheckResult,
  PlanView,
  PulseRating,
  PulseView,
  updateApplicationBody,
  updatePlanBody,
} from "../../../common/schemas/action-plans.ts";
import { api } from "../../lib/api.ts";

export type Enrolment = z.infer<typeof enrolmentView>;
export type PlanCheck = z.infer<typeof planCheckResult>;

export const planKeys = {
  all: ["action-plans"] as const,
  mine: () => [...planKeys.all, "mine"] as const,
  check: (plan: z.input<typeof planCheckBody>) => [...planKeys.all, "check", plan] as const,
  enrolments: () => [...planKeys.all, "enrolments"] as const,
  pulse: () => [...planKeys.all, "pulse"] as const,
};

export const checkPlan = (plan: z.input<typeof planCheckBody>) =>
  api<PlanCheck>("POST", "/api/action-plans/check", plan);

/** What the form sends; a missing field is left to the server, which names it in the learner's language. */
export const createPlan = (plan: Partial<z.input<typeof createPlanBody>>) =>
  api<PlanView>("POST", "/api/action-plans", plan);

export const applicationsPath = (planId: string) => `/api/action-plans/${planId}/applications`;

export const logApplication = (planId: string, application: Partial<z.input<typeof createApplicationBody>>) =>
  api<z.infer<typeof applicationView>>("POST", applicationsPath(planId), application);

export const updatePlan = (planId: string, changes: Partial<z.input<typeof updatePlanBody>>) =>
  api<PlanView>("PATCH", `/api/action-plans/${planId}`, changes);

export const archivePlan = (planId: string) => api<PlanView>("POST", `/api/action-plans/${planId}/archive`);

export const restorePlan = (planId: string) => api<PlanView>("POST", `/api/action-plans/${planId}/restore`);

export const updateApplication = (
  applicationId: string,
  changes: Partial<z.input<typeof updateApplicationBody>>,
) => api<z.infer<typeof applicationView>>("PATCH", `/api/applications/${applicationId}`, changes);

export const deleteApplication = (applicationId: string) =>
  api<void>("DELETE", `/api/applications/${applicationId}`);

export const confirmApplication = (applicationId: string) =>
  api<z.infer<typeof applicationView>>("POST", `/api/applications/${applicationId}/confirmations`);

export const useMyPlans = () =>
  useQuery({ queryKey: planKeys.mine(), queryFn: () => api<PlanView[]>("GET", "/api/me/action-plans") });

/** The learner's cohorts with competences and practice questions, to tie a plan to. */
export const useEnrolments = () =>
  useQuery({ queryKey: planKeys.enrolments(), queryFn: () => api<Enrolment[]>("GET", "/api/me/enrolments") });

/** This week's pulse: each open plan with the rating given so far this week. */
export const usePlanPulse = () =>
  useQuery({ queryKey: planKeys.pulse(), queryFn: () => api<PulseView>("GET", "/api/me/plan-pulse") });

/** One tap on a plan for this week; a second tap with another rating changes it. */
export const givePulse = (planId: string, rating: PulseRating) =>
  api<PulseView>("PUT", `/api/me/plans/${planId}/pulse`, { rating });
