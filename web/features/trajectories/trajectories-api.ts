import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { Locale } from "../../../common/locales.ts";
import type {
  DesignCheckResult,
  TemplateView,
  TrajectoryDetail,
  TrajectoryDocument,
  TrajectorySummary,
  UpdateTrajectoryBody,
} from "../../../common/schemas/trajectories.ts";
import { api } from "../../lib/api.ts";
import { currentLocale } from "../../lib/i18n.ts";

/** Query keys of the trajectories feature: the list alone can be refreshed with `exact: true`. */
export const trajectoryKeys = {
  all: ["trajectories"] as const,
  list: (archived?: "include") => [...trajectoryKeys.all, "list", ...(archived ? [archived] : [])] as const,
  detail: (trajectoryId: string) => [...trajectoryKeys.all, "detail", trajectoryId] as const,
  templates: (locale: Locale) => [...trajectoryKeys.all, "templates", locale] as const,
};

/** The design check is stateless: its key is the document itself, in the reader's language. */
export const designCheckKeys = {
  all: ["design-check"] as const,
  of: (locale: Locale, document: string | null, trajectoryId?: string) =>
    [...designCheckKeys.all, locale, trajectoryId ?? null, document] as const,
};

export const trajectoriesApi = {
  list: (archived?: "include") =>
    api<TrajectorySummary[]>("GET", archived ? "/api/trajectories?archived=include" : "/api/trajectories"),
  archive: (trajectoryId: string) =>
    api<TrajectoryDetail>("POST", `/api/trajectories/${trajectoryId}/archive`),
  restore: (trajectoryId: string) =>
    api<TrajectoryDetail>("POST", `/api/trajectories/${trajectoryId}/restore`),
  get: (trajectoryId: string) => api<TrajectoryDetail>("GET", `/api/trajectories/${trajectoryId}`),
  create: (document: TrajectoryDocument) => api<TrajectoryDetail>("POST", "/api/trajectories", document),
  update: (trajectoryId: string, body: UpdateTrajectoryBody) =>
    api<TrajectoryDetail>("PUT", `/api/trajectories/${trajectoryId}`, body),
  templates: () => api<TemplateView[]>("GET", "/api/trajectory-templates"),
  designCheck: (document: unknown) => api<DesignCheckResult>("POST", "/api/design-check", document),
  /** A saved trajectory's check counts its question bank too (decision 0028). */
  designCheckOf: (trajectoryId: string, document: unknown) =>
    api<DesignCheckResult>("POST", `/api/trajectories/${trajectoryId}/design-check`, document),
};

export const useTrajectories = (archived?: "include") =>
  useQuery({ queryKey: trajectoryKeys.list(archived), queryFn: () => trajectoriesApi.list(archived) });

export const useTrajectory = (trajectoryId: string) =>
  useQuery({
    queryKey: trajectoryKeys.detail(trajectoryId),
    queryFn: () => trajectoriesApi.get(trajectoryId),
  });

export const useTemplates = () => {
  const locale = currentLocale();
  return useQuery({ queryKey: trajectoryKeys.templates(locale), queryFn: trajectoriesApi.templates });
};

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The design check of the document on screen, re-run shortly after each change; for a saved trajectory
 * (`trajectoryId`) together with its question bank.
 */
export function useDesignCheck(document: TrajectoryDocument | null, trajectoryId?: string) {
  const locale = currentLocale();
  const body = useDebounced(document ? JSON.stringify(document) : null, 300);
  return useQuery({
    queryKey: designCheckKeys.of(locale, body, trajectoryId),
    queryFn: () =>
      trajectoryId
        ? trajectoriesApi.designCheckOf(trajectoryId, JSON.parse(body!) as unknown)
        : trajectoriesApi.designCheck(JSON.parse(body!) as unknown),
    enabled: body !== null,
    placeholderData: (previous) => previous,
    retry: false,
  });
}
