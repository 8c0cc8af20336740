import { useQuery } from "@tanstack/react-query";
import type { Locale } from "../../../common/locales.ts";
import type { EvidenceView } from "../../../common/schemas/trajectories.ts";
import { api } from "../../lib/api.ts";
import { currentLocale } from "../../lib/i18n.ts";

export const evidenceKeys = {
  all: ["evidence"] as const,
  search: (locale: Locale, query: string) => [...evidenceKeys.all, locale, query] as const,
};

export const evidenceApi = {
  search: (query: string) =>
    api<EvidenceView[]>("GET", `/api/evidence${query ? `?q=${encodeURIComponent(query)}` : ""}`),
};

/** The library in the language on screen, filtered by `query`; the last list stays while the next loads. */
export const useEvidence = (query: string) =>
  useQuery({
    queryKey: evidenceKeys.search(currentLocale(), query),
    queryFn: () => evidenceApi.search(query),
    placeholderData: (previous) => previous,
  });
