import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { MeResponse } from "../../common/schemas/me.ts";
import type { Role } from "../../common/roles.ts";
import { api, ApiError } from "./api.ts";

/** The signed-in person, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      try {
        return await api<MeResponse>("GET", "/api/me");
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
