import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  templateView,
  trajectoryDetail,
  trajectoryDocument,
  trajectoryListQuery,
  trajectoryParams,
  trajectorySummary,
  updateTrajectoryBody,
} from "../../../common/schemas/trajectories.ts";
import { scopeOf } from "../../http/scope.ts";
import { presentTrajectory, presentTrajectorySummary } from "./trajectories.presenter.ts";
import {
  archiveTrajectory,
  createTrajectory,
  findTrajectories,
  getTrajectory,
  restoreTrajectory,
  templatesIn,
  updateTrajectory,
} from "./trajectories.service.ts";

const signedIn = { access: "signed-in" } as const;
const tags = ["trajectories"];

/** Trajectories: their documents, versions and the example templates. */
export const trajectoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/trajectories",
    {
      schema: {
        tags,
        summary: "The organisation's trajectories, with their design-check score (archived ones on request)",
        querystring: trajectoryListQuery,
        response: { 200: z.array(trajectorySummary) },
      },
      config: signedIn,
    },
    async (request) =>
      (await findTrajectories(scopeOf(request), request.query)).map(presentTrajectorySummary),
  );

  app.post(
    "/api/trajectories",
    {
      schema: {
        tags,
        summary: "Create a trajectory from its JSON document (also: import)",
        body: trajectoryDocument,
        response: { 201: trajectoryDetail },
      },
      config: signedIn,
      bodyLimit: 1024 * 1024,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentTrajectory(await createTrajectory(scopeOf(request), { document: request.body }))),
  );

  app.get(
    "/api/trajectories/:trajectoryId",
    {
      schema: {
        tags,
        summary: "One trajectory with its document (also: export)",
        params: trajectoryParams,
        response: { 200: trajectoryDetail },
      },
      config: signedIn,
    },
    async (request) => presentTrajectory(await getTrajectory(scopeOf(request), request.params)),
  );

  app.put(
    "/api/trajectories/:trajectoryId",
    {
      schema: {
        tags,
        summary: "Save a new version; refused with 409 EDIT_CONFLICT when someone saved in between",
        params: trajectoryParams,
        body: updateTrajectoryBody,
        response: { 200: trajectoryDetail },
      },
      config: signedIn,
      bodyLimit: 1024 * 1024,
    },
    async (request) =>
      presentTrajectory(await updateTrajectory(scopeOf(request), { ...request.params, ...request.body })),
  );

  app.post(
    "/api/trajectories/:trajectoryId/archive",
    {
      schema: {
        tags,
        summary: "Archive a trajectory: hidden from the list by default, restorable, nothing deleted",
        params: trajectoryParams,
        response: { 200: trajectoryDetail },
      },
      config: signedIn,
    },
    async (request) => presentTrajectory(await archiveTrajectory(scopeOf(request), request.params)),
  );

  app.post(
    "/api/trajectories/:trajectoryId/restore",
    {
      schema: {
        tags,
        summary: "Restore an archived trajectory",
        params: trajectoryParams,
        response: { 200: trajectoryDetail },
      },
      config: signedIn,
    },
    async (request) => presentTrajectory(await restoreTrajectory(scopeOf(request), request.params)),
  );

  app.get(
    "/api/trajectory-templates",
    {
      schema: {
        tags,
        summary: "Example trajectories with their documents, in the caller's language",
        response: { 200: z.array(templateView) },
      },
      config: { access: "public" },
    },
    async (request) => templatesIn(request.locale),
  );
};
