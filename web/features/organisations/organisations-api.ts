import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  HomeResponse,
  organisationResponse,
  updateOrganisationBody,
} from "../../../common/schemas/me.ts";
import type {
  createPersonBody,
  importBody,
  ImportPreview,
  PersonSummary,
  updatePersonBody,
} from "../../../common/schemas/people.ts";
import type { teamBody, TeamSummary, teamPatch } from "../../../common/schemas/teams.ts";
import { api } from "../../lib/api.ts";

export type Organisation = z.infer<typeof organisationResponse>;

/** Query keys of the organisations feature; other features import these to invalidate. */
export const homeKeys = { all: ["home"] as const };
export const organisationKeys = { all: ["organisation"] as const };
export const peopleKeys = {
  all: ["people"] as const,
  one: (personId: string) => [...peopleKeys.all, personId] as const,
};
export const teamKeys = { all: ["teams"] as const };

/** Typed calls to the organisations API (people, teams, settings, the signed-in person, home). */
export const organisationsApi = {
  home: () => api<HomeResponse>("GET", "/api/home"),
  organisation: () => api<Organisation>("GET", "/api/organisation"),
  updateOrganisation: (patch: z.input<typeof updateOrganisationBody>) =>
    api<Organisation>("PATCH", "/api/organisation", patch),
  people: () => api<PersonSummary[]>("GET", "/api/people"),
  person: (personId: string) => api<PersonSummary>("GET", `/api/people/${personId}`),
  createPerson: (body: z.input<typeof createPersonBody>) => api<PersonSummary>("POST", "/api/people", body),
  updatePerson: (personId: string, patch: z.input<typeof updatePersonBody>) =>
    api<PersonSummary>("PATCH", `/api/people/${personId}`, patch),
  invitePerson: (personId: string) => api<{ ok: true }>("POST", `/api/people/${personId}/invitation`),
  erasePerson: (personId: string) => api<undefined>("DELETE", `/api/people/${personId}`),
  personExportUrl: (personId: string) => `/api/people/${personId}/export`,
  ownExportUrl: "/api/me/export",
  previewImport: (csv: string) => api<ImportPreview>("POST", "/api/people/import/preview", { csv }),
  commitImport: (body: z.input<typeof importBody>) => api<ImportPreview>("POST", "/api/people/import", body),
  teams: () => api<TeamSummary[]>("GET", "/api/teams"),
  createTeam: (body: z.input<typeof teamBody>) => api<TeamSummary>("POST", "/api/teams", body),
  updateTeam: (teamId: string, patch: z.input<typeof teamPatch>) =>
    api<TeamSummary>("PATCH", `/api/teams/${teamId}`, patch),
  deleteTeam: (teamId: string) => api<undefined>("DELETE", `/api/teams/${teamId}`),
};

export const usePeople = () => useQuery({ queryKey: peopleKeys.all, queryFn: organisationsApi.people });
export const useTeams = () => useQuery({ queryKey: teamKeys.all, queryFn: organisationsApi.teams });
