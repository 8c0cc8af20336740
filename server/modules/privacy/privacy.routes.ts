import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { personParams } from "../../../common/schemas/people.ts";
import { scopeOf } from "../../http/scope.ts";
import { erasePerson, exportOwnData, exportPersonData } from "./privacy.service.ts";

const signedIn = { access: "signed-in" } as const;
const asDownload = (name: string) => ({ "content-disposition": `attachment; filename="${name}"` });

/** GDPR: data export (own, or by a coordinator) and erasure. */
export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/me/export",
    {
      schema: { tags: ["privacy"], summary: "Download everything Beklijf holds about me (JSON)" },
      config: signedIn,
    },
    async (request, reply) =>
      reply.headers(asDownload("beklijf-my-data.json")).send(await exportOwnData(scopeOf(request))),
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
      const data = await exportPersonData(scopeOf(request), request.params);
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
      await erasePerson(scopeOf(request), request.params);
      return reply.status(204).send();
    },
  );
};
