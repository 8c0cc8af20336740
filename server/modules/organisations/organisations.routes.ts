import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  homeResponse,
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
import { scopeOf } from "../../http/scope.ts";
import { getHome, getMe } from "./home.service.ts";
import { getOrganisationSettings, updateMe, updateOrganisation } from "./organisation.service.ts";
import { commitImport, previewImport } from "./people-import.service.ts";
import { createPerson, findPeople, getPerson, invitePerson, updatePerson } from "./people.service.ts";
import { presentOrganisation } from "./organisations.presenter.ts";
import { createTeam, deleteTeam, findTeams, getTeam, updateTeam } from "./teams.service.ts";

const signedIn = { access: "signed-in" } as const;

/** The signed-in person, the home screen, organisation settings, people, teams and the CSV import. */
export const organisationRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "jobs" | "mailer">> = async (
  app,
  { jobs, mailer },
) => {
  const features = { devMailbox: mailer === null };

  app.get(
    "/api/me",
    {
      schema: {
        tags: ["me"],
        summary: "The signed-in person, organisation and roles",
        response: { 200: meResponse },
      },
      config: signedIn,
    },
    async (request) => getMe(scopeOf(request), features),
  );

  app.patch(
    "/api/me",
    {
      schema: {
        tags: ["me"],
        summary: "Change own name, language or time zone",
        body: updateMeBody,
        response: { 200: meResponse },
      },
      config: signedIn,
    },
    async (request) => {
      const scope = scopeOf(request);
      await updateMe(scope, request.body);
      return getMe(scope, features);
    },
  );

  app.get(
    "/api/home",
    {
      schema: {
        tags: ["me"],
        summary: "The home screen for the person's roles",
        response: { 200: homeResponse },
      },
      config: signedIn,
    },
    async (request) => getHome(scopeOf(request)),
  );

  app.get(
    "/api/organisation",
    {
      schema: {
        tags: ["organisation"],
        summary: "Organisation settings",
        response: { 200: organisationResponse },
      },
      config: signedIn,
    },
    async (request) => presentOrganisation(await getOrganisationSettings(scopeOf(request))),
  );

  app.patch(
    "/api/organisation",
    {
      schema: {
        tags: ["organisation"],
        summary: "Change organisation settings",
        body: updateOrganisationBody,
        response: { 200: organisationResponse },
      },
      config: signedIn,
    },
    async (request) => presentOrganisation(await updateOrganisation(scopeOf(request), request.body)),
  );

  app.get(
    "/api/people",
    {
      schema: {
        tags: ["people"],
        summary: "Everyone in the organisation",
        response: { 200: z.array(personSummary) },
      },
      config: signedIn,
    },
    async (request) => findPeople(scopeOf(request)),
  );

  app.post(
    "/api/people",
    {
      schema: {
        tags: ["people"],
        summary: "Add a person (and invite them by email)",
        body: createPersonBody,
        response: { 201: personSummary },
      },
      config: signedIn,
    },
    async (request, reply) =>
      reply.status(201).send(await createPerson(scopeOf(request), request.body, { jobs })),
  );

  app.get(
    "/api/people/:personId",
    {
      schema: {
        tags: ["people"],
        summary: "One person",
        params: personParams,
        response: { 200: personSummary },
      },
      config: signedIn,
    },
    async (request) => getPerson(scopeOf(request), request.params),
  );

  app.patch(
    "/api/people/:personId",
    {
      schema: {
        tags: ["people"],
        summary: "Edit, re-role or deactivate a person",
        params: personParams,
        body: updatePersonBody,
        response: { 200: personSummary },
      },
      config: signedIn,
    },
    async (request) => updatePerson(scopeOf(request), { ...request.body, ...request.params }),
  );

  app.post(
    "/api/people/:personId/invitation",
    {
      schema: {
        tags: ["people"],
        summary: "Send a new invitation link",
        params: personParams,
        response: { 202: z.object({ ok: z.literal(true) }) },
      },
      config: signedIn,
    },
    async (request, reply) => {
      await invitePerson(scopeOf(request), request.params, { jobs });
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    "/api/people/import/preview",
    {
      schema: {
        tags: ["people"],
        summary: "What a CSV import would do; writes nothing",
        body: importBody,
        response: { 200: importPreview },
      },
      config: signedIn,
      bodyLimit: 4 * 1024 * 1024,
    },
    async (request) => previewImport(scopeOf(request), request.body),
  );

  app.post(
    "/api/people/import",
    {
      schema: {
        tags: ["people"],
        summary: "Import people from CSV: all rows or none",
        body: importBody,
        response: { 200: importPreview },
      },
      config: signedIn,
      bodyLimit: 4 * 1024 * 1024,
    },
    async (request) => commitImport(scopeOf(request), request.body, { jobs }),
  );

  app.get(
    "/api/teams",
    {
      schema: {
        tags: ["teams"],
        summary: "Teams with managers and members",
        response: { 200: z.array(teamSummary) },
      },
      config: signedIn,
    },
    async (request) => findTeams(scopeOf(request)),
  );

  app.post(
    "/api/teams",
    {
      schema: { tags: ["teams"], summary: "Create a team", body: teamBody, response: { 201: teamSummary } },
      config: signedIn,
    },
    async (request, reply) => reply.status(201).send(await createTeam(scopeOf(request), request.body)),
  );

  app.get(
    "/api/teams/:teamId",
    {
      schema: { tags: ["teams"], summary: "One team", params: teamParams, response: { 200: teamSummary } },
      config: signedIn,
    },
    async (request) => getTeam(scopeOf(request), request.params),
  );

  app.patch(
    "/api/teams/:teamId",
    {
      schema: {
        tags: ["teams"],
        summary: "Rename a team or change its people",
        params: teamParams,
        body: teamPatch,
        response: { 200: teamSummary },
      },
      config: signedIn,
    },
    async (request) => updateTeam(scopeOf(request), { ...request.body, ...request.params }),
  );

  app.delete(
    "/api/teams/:teamId",
    {
      schema: { tags: ["teams"], summary: "Delete a team (its people stay)", params: teamParams },
      config: signedIn,
    },
    async (request, reply) => {
      await deleteTeam(scopeOf(request), request.params);
      return reply.status(204).send();
    },
  );
};
