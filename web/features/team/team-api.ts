import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  checkInBody,
  checkInView,
  digestActionResult,
  TeamView,
  updateCheckInBody,
} from "../../../common/schemas/action-plans.ts";
import { api } from "../../lib/api.ts";

export const teamKeys = {
  all: ["team"] as const,
  view: () => [...teamKeys.all, "view"] as const,
};

export const useTeam = () =>
  useQuery({ queryKey: teamKeys.view(), queryFn: () => api<TeamView>("GET", "/api/team") });

export const recordCheckIn = (checkIn: z.input<typeof checkInBody>) =>
  api<z.infer<typeof checkInView>>("POST", "/api/team/check-ins", checkIn);

export const updateCheckIn = (checkInId: string, changes: z.input<typeof updateCheckInBody>) =>
  api<z.infer<typeof checkInView>>("PATCH", `/api/team/check-ins/${checkInId}`, changes);

export const deleteCheckIn = (checkInId: string) => api<void>("DELETE", `/api/team/check-ins/${checkInId}`);

/** A one-click link from the weekly digest; the signed token is the authority, no sign-in needed. */
export const performDigestAction = (token: string) =>
  api<z.infer<typeof digestActionResult>>("POST", "/api/digest-actions", { token });
