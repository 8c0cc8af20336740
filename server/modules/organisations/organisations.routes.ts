import { z } from "zod";
import {
  meResponse,
  organisationResponse,
  updateMeBody,
  updateOrganisationBody,
} from "../../../common/schemas/me.ts";
import {
  createPersonBody,
  importBody,
  importPreview,
  personParams,
  personSummary,
  updatePersonBody,
} from "../../../common/schemas/people.ts";
import { teamBody, teamParams, teamPatch, teamSummary } from "../../../common/schemas/teams.ts";
import type { AppDeps } from "../../http/context.ts";
import { defineRoutes, route } from "../../http/route-table.ts";
import { getMe } from "./home.service.ts";
import { getOrganisationSettings, updateMe, updateOrganisation } from "./organisation.service.ts";
import { commitImport, previewImport } from "./people-import.service.ts";
import { createPerson, findPeople, getPerson, invitePerson, updatePerson } from "./people.service.ts";
import { presentOrganisation } from "./organisations.presenter.ts";
import { createTeam, deleteTeam, findTeams, getTeam, updateTeam } from "./teams.service.ts";

const me = ["me"];
const organisation = ["organisation"];
const teams = ["teams"];

/** The signed-in person, organisation settings, people, teams and the CSV import. */
export const organisationRoutes = defineRoutes(
  ["people"],
  ({ jobs, mailer }: Pick<AppDeps, "jobs" | "mailer">) => {
    const features = { devMailbox: mailer === null };

    return [
      route.get(
        "/api/me",
        {
          tags: me,
          summary: "The signed-in person, organisation and roles",
          response: meResponse,
          // The web app learns here that the session still owes a second factor.
          secondFactorStep: "any",
        },
        (scope) => getMe(scope, features),
      ),

      route.patch(
        "/api/me",
        {
          tags: me,
          summary: "Change own name, language or time zone",
          body: updateMeBody,
          response: meResponse,
        },
        async (scope, { body }) => {
          await updateMe(scope, body);
          return getMe(scope, features);
        },
      ),

      route.get(
        "/api/organisation",
        { tags: organisation, summary: "Organisation settings", response: organisationResponse },
        async (scope) => presentOrganisation(await getOrganisationSettings(scope)),
      ),

      route.patch(
        "/api/organisation",
        {
          tags: organisation,
          summary: "Change organisation settings",
          body: updateOrganisationBody,
          response: organisationResponse,
        },
        async (scope, { body }) => presentOrganisation(await updateOrganisation(scope, body)),
      ),

      route.get(
        "/api/people",
        { summary: "Everyone in the organisation", response: z.array(personSummary) },
        (scope) => findPeople(scope),
      ),

      route.post(
        "/api/people",
        {
          summary: "Add a person (and invite them by email)",
          body: createPersonBody,
          response: personSummary,
          status: 201,
        },
        (scope, { body }) => createPerson(scope, body, { jobs }),
      ),

      route.get(
        "/api/people/:personId",
        { summary: "One person", params: personParams, response: personSummary },
        (scope, { params }) => getPerson(scope, params),
      ),

      route.patch(
        "/api/people/:personId",
        {
          summary: "Edit, re-role or deactivate a person",
          params: personParams,
          body: updatePersonBody,
          response: personSummary,
        },
        (scope, { params, body }) => updatePerson(scope, { ...body, ...params }),
      ),

      route.post(
        "/api/people/:personId/invitation",
        {
          summary: "Send a new invitation link",
          params: personParams,
          response: z.object({ ok: z.literal(true) }),
          status: 202,
        },
        async (scope, { params }) => {
          await invitePerson(scope, params, { jobs });
          return { ok: true as const };
        },
      ),

      route.post(
        "/api/people/import/preview",
        {
          summary: "What a CSV import would do; writes nothing",
          body: importBody,
          response: importPreview,
          bodyLimit: 4 * 1024 * 1024,
        },
        (scope, { body }) => previewImport(scope, body),
      ),

      route.post(
        "/api/people/import",
        {
          summary: "Import people from CSV: all rows or none",
          body: importBody,
          response: importPreview,
          bodyLimit: 4 * 1024 * 1024,
        },
        (scope, { body }) => commitImport(scope, body, { jobs }),
      ),

      route.get(
        "/api/teams",
        { tags: teams, summary: "Teams with managers and members", response: z.array(teamSummary) },
        (scope) => findTeams(scope),
      ),

      route.post(
        "/api/teams",
        { tags: teams, summary: "Create a team", body: teamBody, response: teamSummary, status: 201 },
        (scope, { body }) => createTeam(scope, body),
      ),

      route.get(
        "/api/teams/:teamId",
        { tags: teams, summary: "One team", params: teamParams, response: teamSummary },
        (scope, { params }) => getTeam(scope, params),
      ),

      route.patch(
        "/api/teams/:teamId",
        {
          tags: teams,
          summary: "Rename a team or change its people",
          params: teamParams,
          body: teamPatch,
          response: teamSummary,
        },
        (scope, { params, body }) => updateTeam(scope, { ...body, ...params }),
      ),

      route.delete(
        "/api/teams/:teamId",
        { tags: teams, summary: "Delete a team (its people stay)", params: teamParams, status: 204 },
        (scope, { params }) => deleteTeam(scope, params),
      ),
    ];
  },
);
