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
import { Tenant } from "../../db/tenant.ts";
import type { AppDeps } from "../../http/context.ts";
import { requireActor } from "../../http/request-context.ts";
import { getHome, getMe } from "./home.service.ts";
import { getOrganisationSettings, updateMe, updateOrganisation } from "./organisation.service.ts";
import { commitImport, previewImport } from "./people-import.service.ts";
import { createPerson, findPeople, getPerson, invitePerson, updatePerson } from "./people.service.ts";
import { presentOrganisation } from "./organisations.presenter.ts";
import { createTeam, deleteTeam, findTeams, getTeam, updateTeam } from "./teams.service.ts";

const signedIn = { access: "signed-in" } as const;

export const organisationRoutes: FastifyPluginAsyncZod<
  Pick<AppDeps, "config" | "database" | "jobs" | "clock" | "mailer">
> = async (app, { config, database, jobs, clock, mailer }) => {
  const { db } = database;
  const features = { devMailbox: mailer === null };
  const context = () => ({ publicUrl: config.publicUrl, now: clock() });
  const tenantOf = (organisationId: string) => new Tenant(db, organisationId);

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
    async (request) => {
      const actor = requireActor(request);
      return getMe(tenantOf(actor.organisationId), actor, features);
    },
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
      const actor = requireActor(request);
      const tenant = tenantOf(actor.organisationId);
      await updateMe(tenant, actor, request.body);
      return getMe(tenant, actor, features);
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
    async (request) => {
      const actor = requireActor(request);
      return getHome(tenantOf(actor.organisationId), actor);
    },
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
    async (request) => {
      const actor = requireActor(request);
      return presentOrganisation(await getOrganisationSettings(tenantOf(actor.organisationId), actor));
    },
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
    async (request) => {
      const actor = requireActor(request);
      return presentOrganisation(
        await updateOrganisation(tenantOf(actor.organisationId), actor, request.body),
      );
    },
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
    async (request) => {
      const actor = requireActor(request);
      return findPeople(tenantOf(actor.organisationId), actor);
    },
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
    async (request, reply) => {
      const actor = requireActor(request);
      const person = await createPerson(tenantOf(actor.organisationId), actor, request.body, context());
      await jobs.send("notifications.deliver-outbox");
      return reply.status(201).send(person);
    },
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
    async (request) => {
      const actor = requireActor(request);
      return getPerson(tenantOf(actor.organisationId), actor, request.params.personId);
    },
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
    async (request) => {
      const actor = requireActor(request);
      return updatePerson(tenantOf(actor.organisationId), actor, request.params.personId, request.body);
    },
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
      const actor = requireActor(request);
      await invitePerson(tenantOf(actor.organisationId), actor, request.params.personId, context());
      await jobs.send("notifications.deliver-outbox");
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
    async (request) => {
      const actor = requireActor(request);
      return previewImport(tenantOf(actor.organisationId), actor, request.body.csv, request.locale);
    },
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
    async (request) => {
      const actor = requireActor(request);
      const result = await commitImport(
        tenantOf(actor.organisationId),
        actor,
        request.body.csv,
        request.body.sendInvitations,
        request.locale,
        context(),
      );
      await jobs.send("notifications.deliver-outbox");
      return result;
    },
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
    async (request) => {
      const actor = requireActor(request);
      return findTeams(tenantOf(actor.organisationId), actor);
    },
  );

  app.post(
    "/api/teams",
    {
      schema: { tags: ["teams"], summary: "Create a team", body: teamBody, response: { 201: teamSummary } },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(await createTeam(tenantOf(actor.organisationId), actor, request.body));
    },
  );

  app.get(
    "/api/teams/:teamId",
    {
      schema: { tags: ["teams"], summary: "One team", params: teamParams, response: { 200: teamSummary } },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return getTeam(tenantOf(actor.organisationId), actor, request.params.teamId);
    },
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
    async (request) => {
      const actor = requireActor(request);
      return updateTeam(tenantOf(actor.organisationId), actor, request.params.teamId, request.body);
    },
  );

  app.delete(
    "/api/teams/:teamId",
    {
      schema: { tags: ["teams"], summary: "Delete a team (its people stay)", params: teamParams },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await deleteTeam(tenantOf(actor.organisationId), actor, request.params.teamId);
      return reply.status(204).send();
    },
  );
};
