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
import { notFound } from "../../errors.ts";
import type { AppDeps } from "../../http/context.ts";
import { scopeOf } from "../../http/scope.ts";
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
export const badgeRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "database" | "config">> = async (
  app,
  { database, config },
) => {
  // The public issuer and achievement documents are read without a session, so without a scope.
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
    async (request) => listAchievements(scopeOf(request), request.params),
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
    async (request, reply) =>
      reply
        .status(201)
        .send(await createAchievement(scopeOf(request), { ...request.params, ...request.body })),
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
      const { tenant, actor } = scopeOf(request);
      return credentialsOf(tenant, actor.personId);
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
      const { tenant, site, now } = scopeOf(request);
      return verifyUploaded(tenant.db, { site, credential: request.body.credential, now });
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
