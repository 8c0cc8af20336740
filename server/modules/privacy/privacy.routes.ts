import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { personParams } from "../../../common/schemas/people.ts";
import { Tenant } from "../../db/tenant.ts";
import type { AppDeps } from "../../http/context.ts";
import { requireActor } from "../../http/request-context.ts";
import { erasePerson, exportOwnData, exportPersonData } from "./privacy.service.ts";

const signedIn = { access: "signed-in" } as const;

/** GDPR: data export (own, or by a coordinator) and erasure. */
export const privacyRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "database">> = async (app, { database }) => {
  const tenantOf = (organisationId: string) => new Tenant(database.db, organisationId);
  const asDownload = (name: string) => ({ "content-disposition": `attachment; filename="${name}"` });

  app.get(
    "/api/me/export",
    {
      schema: { tags: ["privacy"], summary: "Download everything Beklijf holds about me (JSON)" },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const data = await exportOwnData(tenantOf(actor.organisationId), actor);
      return reply.headers(asDownload("beklijf-my-data.json")).send(data);
    },
  );

  app.get(
    "/api/people/:personId/export",
    {
      schema: {
        tags: ["privacy"],
        summary: "Download everything Beklijf holds about a person (JSON)",
        params: personParams,
      },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const data = await exportPersonData(tenantOf(actor.organisationId), actor, request.params.personId);
      return reply.headers(asDownload(`beklijf-person-${request.params.personId}.json`)).send(data);
    },
  );

  app.delete(
    "/api/people/:personId",
    {
      schema: {
        tags: ["privacy"],
        summary: "Erase a person's personal data (GDPR); cannot be undone",
        params: personParams,
      },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await erasePerson(tenantOf(actor.organisationId), actor, request.params.personId);
      return reply.status(204).send();
    },
  );
};
