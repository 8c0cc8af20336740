import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { activityParams } from "../../../common/schemas/learning.ts";
import {
  attemptView as attemptSchema,
  commitAnswer,
  commitQuery,
  launchRequest,
  launchView,
  packageParams,
  packageView,
  trajectoryPackageParams,
  waiveAnswer,
  waiveRequest,
} from "../../../common/schemas/packages.ts";
import { AppError, invalid } from "../../errors.ts";
import { defineRoutes, route } from "../../http/route-table.ts";
import { checkUploadAllowed, getPackage, importPackage } from "./packages.service.ts";
import { waiveUnits } from "./cmi5-waive.ts";
import { attemptView, commitAttempt, launchActivity } from "./player.service.ts";
import { ZIP_LIMITS } from "./zip-safety.ts";

const tooLarge = () =>
  new AppError("PAYLOAD_TOO_LARGE", "package upload over the limit", {
    context: "package",
    limit: Math.round(ZIP_LIMITS.zipBytes / (1024 * 1024)),
  });

/** Refuses an upload whose announced size is over the limit before a byte of it is read. */
async function refuseOversizedUpload(request: FastifyRequest): Promise<void> {
  const announced = Number(request.headers["content-length"] ?? 0);
  if (Number.isFinite(announced) && announced > ZIP_LIMITS.zipBytes + 64 * 1024) throw tooLarge();
}

/** The zip of a multipart upload (field `package`), read with the size limit; a refusal names the field. */
async function uploadedZip(request: FastifyRequest): Promise<Uint8Array> {
  if (!request.isMultipart()) throw invalid("package", "required");
  try {
    const part = await request.file({ limits: { fileSize: ZIP_LIMITS.zipBytes, files: 1, fields: 4 } });
    if (!part) throw invalid("package", "required");
    return await part.toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
    throw invalid("package", "package_not_zip");
  }
}

/** Content packages: upload to a trajectory, look one up, and the learner's player (launch, commit). */
export const packageRoutes: FastifyPluginAsyncZod<{ contentOrigin: string | null }> = async (app, deps) => {
  // Multipart only here: every other route of the API takes JSON.
  await app.register(multipart, { limits: { fileSize: ZIP_LIMITS.zipBytes, files: 1, fields: 4, parts: 5 } });
  await app.register(
    defineRoutes(
      ["packages"],
      [
        route.post(
          "/api/trajectories/:trajectoryId/packages",
          {
            summary:
              "Upload a content package (multipart field `package`: a SCORM 1.2, SCORM 2004 or cmi5 zip) for a trajectory",
            params: trajectoryPackageParams,
            response: packageView,
            status: 201,
            onRequest: refuseOversizedUpload,
          },
          async (scope, { params }, reply) => {
            await checkUploadAllowed(scope, params.trajectoryId);
            return importPackage(scope, {
              trajectoryId: params.trajectoryId,
              zip: await uploadedZip(reply.request),
            });
          },
        ),

        route.get(
          "/api/packages/:packageId",
          {
            summary: "A content package: standard, title, SCOs or AUs, mastery score",
            params: packageParams,
            response: packageView,
          },
          (scope, { params }) => getPackage(scope, params),
        ),

        route.post(
          "/api/me/activities/:cohortId/:activityId/launch",
          {
            summary:
              "Start or resume a package activity: a short-lived address on the content origin and the saved CMI data",
            params: activityParams,
            body: launchRequest,
            response: launchView,
          },
          (scope, { params, body }) =>
            launchActivity(scope, { ...params, unitId: body?.unitId, contentOrigin: deps.contentOrigin }),
        ),

        route.post(
          "/api/me/activities/:cohortId/:activityId/cmi",
          {
            summary:
              "Commit the SCORM runtime's CMI data (scorm-again's commit object, JSON or JSON as text from sendBeacon)",
            params: activityParams,
            query: commitQuery,
            response: commitAnswer,
          },
          (scope, { params, body, query }) => commitAttempt(scope, { ...params, body, unitId: query.unit }),
        ),

        route.get(
          "/api/me/activities/:cohortId/:activityId/attempt",
          {
            summary: "The learner's attempt at a package activity: status, score, time",
            params: activityParams,
            response: attemptSchema.nullable(),
          },
          (scope, { params }) => attemptView(scope, params),
        ),

        route.post(
          "/api/cohorts/:cohortId/packages/:activityId/waive",
          {
            summary:
              "Waive a learner's cmi5 AU (or every AU not yet met): the LMS issues `waived` and satisfies what it completes",
            params: activityParams,
            body: waiveRequest,
            response: waiveAnswer,
          },
          (scope, { params, body }) => waiveUnits(scope, { ...params, ...body }),
        ),
      ],
    ),
  );
};
