import { useQuery } from "@tanstack/react-query";
import type {
  ActionBody,
  CreateScanBody,
  ScanAnswers,
  ScanLookup,
  ScanResults,
  ScanSummary,
  UpdateActionBody,
  UpdateScanInput,
} from "../../../common/schemas/culture-scans.ts";
import type { Locale } from "../../../common/locales.ts";
import { api } from "../../lib/api.ts";

/** Query keys of the culture scan: invalidate `scanKeys.all` after a change to any scan. */
export const scanKeys = {
  all: ["culture-scans"] as const,
  scan: (scanId: string) => [...scanKeys.all, scanId] as const,
  results: (scanId: string, locale: Locale) => [...scanKeys.scan(scanId), "results", locale] as const,
  /** The respondent's side: the questionnaire behind a link. */
  link: (token: string) => ["scan", token] as const,
};

/** Where the results' downloads live (plain links, so the browser saves the file). */
export const scanDownloads = {
  csv: (scanId: string) => `/api/culture-scans/${scanId}/results.csv`,
  pdf: (scanId: string) => `/api/culture-scans/${scanId}/report.pdf`,
};

export const scanApi = {
  list: () => api<ScanSummary[]>("GET", "/api/culture-scans"),
  create: (body: CreateScanBody) => api<{ id: string }>("POST", "/api/culture-scans", body),
  results: (scanId: string) => api<ScanResults>("GET", `/api/culture-scans/${scanId}/results`),
  close: (scanId: string) => api<{ ok: true }>("POST", `/api/culture-scans/${scanId}/close`),
  remind: (scanId: string) => api<{ reminded: number }>("POST", `/api/culture-scans/${scanId}/reminders`),
  update: (scanId: string, body: UpdateScanInput) =>
    api<{ ok: true }>("PATCH", `/api/culture-scans/${scanId}`, body),
  remove: (scanId: string) => api<undefined>("DELETE", `/api/culture-scans/${scanId}`),
  addAction: (scanId: string, body: ActionBody) =>
    api<{ id: string }>("POST", `/api/culture-scans/${scanId}/actions`, body),
  updateAction: (scanId: string, actionId: string, body: UpdateActionBody) =>
    api<unknown>("PATCH", `/api/culture-scans/${scanId}/actions/${actionId}`, body),
  removeAction: (scanId: string, actionId: string) =>
    api<undefined>("DELETE", `/api/culture-scans/${scanId}/actions/${actionId}`),
  lookup: (token: string) => api<ScanLookup>("POST", "/api/scan/lookup", { token }),
  saveDraft: (token: string, answers: ScanAnswers) =>
    api<{ ok: true }>("PUT", "/api/scan/draft", { token, answers }),
  submit: (token: string, answers: ScanAnswers, teamId: string | null) =>
    api<{ ok: true }>("POST", "/api/scan/submit", { token, answers, teamId }),
};

export const useScans = () => useQuery({ queryKey: scanKeys.all, queryFn: scanApi.list });
