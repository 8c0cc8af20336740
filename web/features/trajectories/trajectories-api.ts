import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { DesignCheckResult, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { api } from "../../lib/api.ts";
import { currentLocale } from "../../lib/i18n.ts";

export interface TrajectorySummary {
  id: string;
  title: string;
  targetBehaviour: string;
  version: number;
  activityCount: number;
  score: number;
  updatedAt: string;
}

export interface TemplateView {
  key: string;
  title: string;
  summary: string;
  skillKind: "open" | "closed";
  document: TrajectoryDocument;
}

export const useTrajectories = () =>
  useQuery({
    queryKey: ["trajectories"],
    queryFn: () => api<TrajectorySummary[]>("GET", "/api/trajectories"),
  });

export const useTemplates = () => {
  const locale = currentLocale();
  return useQuery({
    queryKey: ["templates", locale],
    queryFn: () => api<TemplateView[]>("GET", "/api/trajectory-templates"),
  });
};

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The design check of the document on screen, re-run shortly after each change. */
export function useDesignCheck(document: TrajectoryDocument | null) {
  const locale = currentLocale();
  const body = useDebounced(document ? JSON.stringify(document) : null, 300);
  return useQuery({
    queryKey: ["design-check", locale, body],
    queryFn: () => api<DesignCheckResult>("POST", "/api/design-check", JSON.parse(body!) as unknown),
    enabled: body !== null,
    placeholderData: (previous) => previous,
    retry: false,
  });
}
