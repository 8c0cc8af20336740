import type { Locale } from "../../../common/locales.ts";
import type {
  ImpactView,
  InterviewBody,
  KpiBody,
  UpdateInterviewBody,
  KpiList,
  KpiView,
  StandardsBody,
  SuccessCasesView,
  SurveyResultsView,
} from "../../../common/schemas/impact.ts";
import { api } from "../../lib/api.ts";

/**
 * Query keys of the impact screen. Each panel has its own root, so saving a KPI refreshes the KPIs and
 * the tiers without reloading the survey or the success cases.
 */
export const impactKeys = {
  all: ["impact"] as const,
  trajectory: (trajectoryId: string) => [...impactKeys.all, trajectoryId] as const,
  view: (trajectoryId: string, cohortId: string, locale: Locale) =>
    [...impactKeys.trajectory(trajectoryId), cohortId, locale] as const,
  kpis: (trajectoryId: string) => ["kpis", trajectoryId] as const,
  successCases: (trajectoryId: string) => ["success-cases", trajectoryId] as const,
  successCasesOf: (trajectoryId: string, cohortId: string) =>
    [...impactKeys.successCases(trajectoryId), cohortId] as const,
  survey: (trajectoryId: string) => ["survey-results", trajectoryId] as const,
  surveyOf: (trajectoryId: string, cohortId: string) =>
    [...impactKeys.survey(trajectoryId), cohortId] as const,
};

const base = (trajectoryId: string) => `/api/trajectories/${trajectoryId}`;
/** `?cohortId=…` when one cohort is chosen; all cohorts otherwise. */
const ofCohort = (cohortId: string) => (cohortId ? `?cohortId=${cohortId}` : "");

export type ImpactDownload = "report.pdf" | "tiers.csv" | "learners.csv";

/** Where a download lives (a plain link: the browser saves the file, in the language on screen). */
export const impactDownload = (
  trajectoryId: string,
  file: ImpactDownload,
  options: { locale: Locale; cohortId: string; summary?: boolean },
) =>
  `${base(trajectoryId)}/impact/${file}?lang=${options.locale}${options.cohortId ? `&cohortId=${options.cohortId}` : ""}${options.summary ? "&summary=true" : ""}`;

/**
 * What a KPI form sends: typed text that is not a number goes as it is, so the server's answer names the
 * field and says "not a number" in the reader's language (instead of "required" for a dropped value).
 */
export type KpiDraft = Omit<Partial<KpiBody>, "beforeValue" | "afterValue"> & {
  beforeValue?: number | string;
  afterValue?: number | string | null;
};

interface InterviewSaved {
  id: string;
  createdAt: string;
  updatedAt: string | null;
  finalAt: string | null;
}

export const impactApi = {
  view: (trajectoryId: string, cohortId: string) =>
    api<ImpactView>("GET", `${base(trajectoryId)}/impact${ofCohort(cohortId)}`),
  kpis: (trajectoryId: string) => api<KpiList>("GET", `${base(trajectoryId)}/kpis`),
  /** A form sends what it has; the server says what is missing. */
  addKpi: (trajectoryId: string, body: KpiDraft) => api<KpiView>("POST", `${base(trajectoryId)}/kpis`, body),
  updateKpi: (trajectoryId: string, kpiId: string, body: KpiDraft) =>
    api<KpiView>("PUT", `${base(trajectoryId)}/kpis/${kpiId}`, body),
  deleteKpi: (trajectoryId: string, kpiId: string) =>
    api<undefined>("DELETE", `${base(trajectoryId)}/kpis/${kpiId}`),
  successCases: (trajectoryId: string, cohortId: string) =>
    api<SuccessCasesView>("GET", `${base(trajectoryId)}/success-cases${ofCohort(cohortId)}`),
  recordInterview: (trajectoryId: string, body: InterviewBody) =>
    api<InterviewSaved>("POST", `${base(trajectoryId)}/success-cases/interviews`, body),
  updateInterview: (trajectoryId: string, interviewId: string, body: UpdateInterviewBody) =>
    api<InterviewSaved>("PATCH", `${base(trajectoryId)}/success-cases/interviews/${interviewId}`, body),
  finaliseInterview: (trajectoryId: string, interviewId: string) =>
    api<InterviewSaved>("POST", `${base(trajectoryId)}/success-cases/interviews/${interviewId}/final`),
  survey: (trajectoryId: string, cohortId: string) =>
    api<SurveyResultsView>("GET", `${base(trajectoryId)}/survey-results${ofCohort(cohortId)}`),
  setStandards: (trajectoryId: string, body: StandardsBody) =>
    api<SurveyResultsView>("PUT", `${base(trajectoryId)}/survey-standards`, body),
};
