import { useQuery } from "@tanstack/react-query";
import type { PersonSummary } from "../../../../common/schemas/people.ts";
import type { TeamSummary } from "../../../../common/schemas/teams.ts";
import { api } from "../../../lib/api.ts";

export const usePeople = () =>
  useQuery({ queryKey: ["people"], queryFn: () => api<PersonSummary[]>("GET", "/api/people") });
export const useTeams = () =>
  useQuery({ queryKey: ["teams"], queryFn: () => api<TeamSummary[]>("GET", "/api/teams") });
