import { z } from "zod";
import {
  achievementInput,
  achievementView,
  credentialsView,
  verifyCredentialBody,
  verifyCredentialResult,
} from "../../../common/schemas/action-plans.ts";
import { idSchema } from "../../../common/schemas/common.ts";
import { trajectoryParams } from "../../../common/schemas/trajectories.ts";
import { notFound } from "../../errors.ts";
import type { AppDeps } from "../../http/context.ts";
import { defineRoutes, publicRoute, route } from "../../http/route-table.ts";
import { myPassport } from "./passport.service.ts";
import {
  createAchievement,
  issuerDocuments,
  listAchievements,
  publicAchievement,
  verifyUploaded,
} from "./badges.service.ts";

/** Competence badges as Open Badges 3.0 credentials: definitions, the learner's credentials, verifying. */
export const badgeRoutes = defineRoutes(
  ["badges"],
  ({ database, config }: Pick<AppDeps, "database" | "config">) => {
    // The public issuer and achievement documents are read without a session, so without a scope.
    const site = config.publicUrl;

    return [
      route.get(
        "/api/trajectories/:trajectoryId/achievements",
        {
          summary: "The trajectory's competence badges and how often each was awarded",
          params: trajectoryParams,
          response: z.array(achievementView),
        },
        (scope, { params }) => listAchievements(scope, params),
      ),

      route.post(
        "/api/trajectories/:trajectoryId/achievements",
        {
          summary:
            "Define a competence badge with its evidence rule (competence proof passed, confirmed applications)",
          params: trajectoryParams,
          body: achievementInput,
          response: z.array(achievementView),
          status: 201,
        },
        (scope, { params, body }) => createAchievement(scope, { ...params, ...body }),
      ),

      route.get(
        "/api/me/credentials",
        {
          summary:
            "The learner's Open Badges 3.0 credentials (signed, eddsa-rdfc-2022) as JSON, and the badges in progress with what each still needs",
          response: credentialsView,
        },
        (scope) => myPassport(scope),
      ),

      route.post(
        "/api/credentials/verify",
        {
          summary:
            "Verify an Open Badges 3.0 credential issued by Beklijf (the proof, the issuer's key, no tampering)",
          body: verifyCredentialBody,
          response: verifyCredentialResult,
          bodyLimit: 512 * 1024,
        },
        ({ tenant, site, now }, { body }) =>
          verifyUploaded(tenant.db, { site, credential: body.credential, now }),
      ),

      // Public by nature: a verifier needs the issuer's public key. It holds no personal data.
      publicRoute.get(
        "/api/issuers/:organisationId",
        {
          summary:
            "An issuer's Open Badges Profile with its public key, so anyone can see who issued a badge and check its signature",
          params: z.object({ organisationId: idSchema }),
        },
        async (_request, { params }) => {
          const documents = await issuerDocuments(database.db, site, params.organisationId);
          if (!documents) throw notFound("issuer");
          return documents.profile;
        },
      ),

      // Public like the credentials that name it: a badge's name, description and criteria, no people.
      publicRoute.get(
        "/api/achievements/:organisationId/:achievementId",
        {
          summary: "A badge's Open Badges 3.0 Achievement: what its credentials' achievement id resolves to",
          params: z.object({ organisationId: idSchema, achievementId: idSchema }),
        },
        (_request, { params }) =>
          publicAchievement(database.db, site, params.organisationId, params.achievementId),
      ),
    ];
  },
);
