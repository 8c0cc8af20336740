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
import { defineRoutes, publicRoute, route } from "../../http/route-table.ts";
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

/** Trajectories: their documents, versions and the example templates. */
export const trajectoryRoutes = defineRoutes(
  ["trajectories"],
  [
    route.get(
      "/api/trajectories",
      {
        summary: "The organisation's trajectories, with their design-check score (archived ones on request)",
        query: trajectoryListQuery,
        response: z.array(trajectorySummary),
      },
      async (scope, { query }) => (await findTrajectories(scope, query)).map(presentTrajectorySummary),
    ),

    route.post(
      "/api/trajectories",
      {
        summary: "Create a trajectory from its JSON document (also: import)",
        body: trajectoryDocument,
        response: trajectoryDetail,
        status: 201,
        bodyLimit: 1024 * 1024,
      },
      async (scope, { body }) => presentTrajectory(await createTrajectory(scope, { document: body })),
    ),

    route.get(
      "/api/trajectories/:trajectoryId",
      {
        summary: "One trajectory with its document (also: export)",
        params: trajectoryParams,
        response: trajectoryDetail,
      },
      async (scope, { params }) => presentTrajectory(await getTrajectory(scope, params)),
    ),

    route.put(
      "/api/trajectories/:trajectoryId",
      {
        summary: "Save a new version; refused with 409 EDIT_CONFLICT when someone saved in between",
        params: trajectoryParams,
        body: updateTrajectoryBody,
        response: trajectoryDetail,
        bodyLimit: 1024 * 1024,
      },
      async (scope, { params, body }) =>
        presentTrajectory(await updateTrajectory(scope, { ...params, ...body })),
    ),

    route.post(
      "/api/trajectories/:trajectoryId/archive",
      {
        summary: "Archive a trajectory: hidden from the list by default, restorable, nothing deleted",
        params: trajectoryParams,
        response: trajectoryDetail,
      },
      async (scope, { params }) => presentTrajectory(await archiveTrajectory(scope, params)),
    ),

    route.post(
      "/api/trajectories/:trajectoryId/restore",
      { summary: "Restore an archived trajectory", params: trajectoryParams, response: trajectoryDetail },
      async (scope, { params }) => presentTrajectory(await restoreTrajectory(scope, params)),
    ),

    publicRoute.get(
      "/api/trajectory-templates",
      {
        summary: "Example trajectories with their documents, in the caller's language",
        response: z.array(templateView),
      },
      (request) => templatesIn(request.locale),
    ),
  ],
);
