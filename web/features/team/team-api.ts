import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  checkInBody,
  checkInView,
  digestActionResult,
  TeamView,
  updateCheckInBody,
} from "../../../common/schemas/action-plans.ts";
import type { DigestLinkView, DigestPreview, NeedsYouView } from "../../../common/schemas/team.ts";
import { api } from "../../lib/api.ts";

export const teamKeys = {
  all: ["team"] as const,
  view: () => [...teamKeys.all, "view"] as const,
  needsYou: () => [...teamKeys.all, "needs-you"] as const,
  digestPreview: () => [...teamKeys.all, "digest-preview"] as const,
};

export const useTeam = () =>
  useQuery({ queryKey: teamKeys.view(), queryFn: () => api<TeamView>("GET", "/api/team") });

/** What needs the signed-in manager this week, oldest first. */
export const useNeedsYou = () =>
  useQuery({
    queryKey: teamKeys.needsYou(),
    queryFn: () => api<NeedsYouView>("GET", "/api/team/needs-you"),
  });

/** The weekly digest as it would be sent now; its links are preview links that record nothing. */
export const useDigestPreview = () =>
  useQuery({
    queryKey: teamKeys.digestPreview(),
    queryFn: () => api<DigestPreview>("GET", "/api/team/digest-preview"),
  });

export const recordCheckIn = (checkIn: z.input<typeof checkInBody>) =>
  api<z.infer<typeof checkInView>>("POST", "/api/team/check-ins", checkIn);

export const updateCheckIn = (checkInId: string, changes: z.input<typeof updateCheckInBody>) =>
  api<z.infer<typeof checkInView>>("PATCH", `/api/team/check-ins/${checkInId}`, changes);

export const deleteCheckIn = (checkInId: string) => api<void>("DELETE", `/api/team/check-ins/${checkInId}`);

/** A one-click link from the weekly digest; the signed token is the authority, no sign-in needed. */
export const performDigestAction = (token: string) =>
  api<z.infer<typeof digestActionResult>>("POST", "/api/digest-actions", { token });

/** What a one-click link would record, read without acting (the landing page shows it before the button). */
export const readDigestLink = (token: string) =>
  api<DigestLinkView>("GET", `/api/digest-actions/link?token=${encodeURIComponent(token)}`);
