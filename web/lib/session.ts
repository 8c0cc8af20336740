import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { MeResponse, updateMeBody } from "../../common/schemas/me.ts";
import type { Role } from "../../common/roles.ts";
import { api, ApiError } from "./api.ts";

/** Query keys of the signed-in person; the sessions list sits under them, so a change to "me" refreshes it. */
export const meKeys = {
  all: ["me"] as const,
  sessions: () => [...meKeys.all, "sessions"] as const,
};

/** Typed calls about the signed-in person that the shell (layout, language switch) and features share. */
export const sessionApi = {
  me: () => api<MeResponse>("GET", "/api/me"),
  updateMe: (patch: z.input<typeof updateMeBody>) => api<MeResponse>("PATCH", "/api/me", patch),
  signOut: () => api<{ ok: true }>("POST", "/api/auth/sign-out"),
};

/** The signed-in person, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKeys.all,
    queryFn: async () => {
      try {
        return await sessionApi.me();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function hasRole(me: MeResponse | null | undefined, role: Role): boolean {
  return Boolean(me?.roles.includes(role));
}

export function useRefreshSession() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}
