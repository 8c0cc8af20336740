import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  achievementInput,
  achievementView,
  verifyCredentialBody,
  verifyCredentialResult,
} from "../../../common/schemas/action-plans.ts";
import { idSchema } from "../../../common/schemas/common.ts";
import { trajectoryParams } from "../../../common/schemas/trajectories.ts";
import { Tenant } from "../../db/tenant.ts";
import { notFound } from "../../errors.ts";
import type { AppDeps } from "../../http/context.ts";
import { requireActor } from "../../http/request-context.ts";
import {
  createAchievement,
  credentialsOf,
  issuerDocuments,
  listAchievements,
  publicAchievement,
  verifyUploaded,
} from "./badges.service.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["badges"];

/** Competence badges as Open Badges 3.0 credentials: definitions, the learner's credentials, verifying. */
export const badgeRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "database" | "clock" | "config">> = async (
  app,
  { database, clock, config },
) => {
  const tenantOf = (organisationId: string) => new Tenant(database.db, organisationId);
  const site = config.publicUrl;

  app.get(
    "/api/trajectories/:trajectoryId/achievements",
    {
      schema: {
        tags,
        summary: "The trajectory's competence badges and how often each was awarded",
        params: trajectoryParams,
        response: { 200: z.array(achievementView) },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return listAchievements(tenantOf(actor.organisationId), actor, request.params.trajectoryId);
    },
  );

  app.post(
    "/api/trajectories/:trajectoryId/achievements",
    {
      schema: {
        tags,
        summary:
          "Define a competence badge with its evidence rule (competence proof passed, confirmed applications)",
        params: trajectoryParams,
        body: achievementInput,
        response: { 201: z.array(achievementView) },
      },
      config: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const list = await createAchievement(
        tenantOf(actor.organisationId),
        actor,
        request.params.trajectoryId,
        request.body,
        clock(),
      );
      return reply.status(201).send(list);
    },
  );

  app.get(
    "/api/me/credentials",
    {
      schema: {
        tags,
        summary: "The learner's Open Badges 3.0 credentials (signed, eddsa-rdfc-2022) as JSON",
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return credentialsOf(tenantOf(actor.organisationId), actor.personId);
    },
  );

  app.post(
    "/api/credentials/verify",
    {
      schema: {
        tags,
        summary:
          "Verify an Open Badges 3.0 credential issued by Beklijf (the proof, the issuer's key, no tampering)",
        body: verifyCredentialBody,
        response: { 200: verifyCredentialResult },
      },
      config: signedIn,
      bodyLimit: 512 * 1024,
    },
    async (request) => {
      requireActor(request);
      return verifyUploaded(database.db, site, request.body.credential, clock());
    },
  );

  app.get(
    "/api/issuers/:organisationId",
    {
      schema: {
        tags,
        summary:
          "An issuer's Open Badges Profile with its public key, so anyone can see who issued a badge and check its signature",
        params: z.object({ organisationId: idSchema }),
      },
      // Public by nature: a verifier needs the issuer's public key. It holds no personal data.
      config: { access: "public" },
    },
    async (request) => {
      const documents = await issuerDocuments(database.db, site, request.params.organisationId);
      if (!documents) throw notFound("issuer");
      return documents.profile;
    },
  );

  app.get(
    "/api/achievements/:organisationId/:achievementId",
    {
      schema: {
        tags,
        summary: "A badge's Open Badges 3.0 Achievement: what its credentials' achievement id resolves to",
        params: z.object({ organisationId: idSchema, achievementId: idSchema }),
      },
      // Public like the credentials that name it: a badge's name, description and criteria, no people.
      config: { access: "public" },
    },
    async (request) =>
      publicAchievement(database.db, site, request.params.organisationId, request.params.achievementId),
  );
};
