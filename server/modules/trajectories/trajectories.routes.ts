import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  templateView,
  trajectoryDetail,
  trajectoryDocument,
  trajectoryParams,
  trajectorySummary,
  updateTrajectoryBody,
} from "../../../common/schemas/trajectories.ts";
import { Tenant } from "../../db/tenant.ts";
import type { AppDeps } from "../../http/context.ts";
import { requireActor } from "../../http/request-context.ts";
import { trajectoryTemplates } from "./templates/index.ts";
import { renderTemplate } from "./templates/template.ts";
import { presentTrajectory, presentTrajectorySummary } from "./trajectories.presenter.ts";
import {
  createTrajectory,
  findTrajectories,
  getTrajectory,
  updateTrajectory,
} from "./trajectories.service.ts";

const signedIn = { access: "signed-in" } as const;

export const trajectoryRoutes: FastifyPluginAsyncZod<Pick<AppDeps, "database">> = async (
  app,
  { database },
) => {
  const tenantOf = (organisationId: string) => new Tenant(database.db, organisationId);

  app.get(
    "/api/trajectories",
    {
      schema: {
        tags: ["trajectories"],
        summary: "The organisation's trajectories, with their design-check score",
        response: { 200: z.array(trajectorySummary) },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return (await findTrajectories(tenantOf(actor.organisationId), actor)).map(presentTrajectorySummary);
    },
  );

  app.post(
    "/api/trajectories",
    {
      schema: {
        tags: ["trajectories"],
        summary: "Create a trajectory from its JSON document (also: import)",
        body: trajectoryDocument,
        response: { 201: trajectoryDetail },
      },
      config: signedIn,
      bodyLimit: 1024 * 1024,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply
        .status(201)
        .send(presentTrajectory(await createTrajectory(tenantOf(actor.organisationId), actor, request.body)));
    },
  );

  app.get(
    "/api/trajectories/:trajectoryId",
    {
      schema: {
        tags: ["trajectories"],
        summary: "One trajectory with its document (also: export)",
        params: trajectoryParams,
        response: { 200: trajectoryDetail },
      },
      config: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      return presentTrajectory(
        await getTrajectory(tenantOf(actor.organisationId), actor, request.params.trajectoryId),
      );
    },
  );

  app.put(
    "/api/trajectories/:trajectoryId",
    {
      schema: {
        tags: ["trajectories"],
        summary: "Save a new version; refused with 409 EDIT_CONFLICT when someone saved in between",
        params: trajectoryParams,
        body: updateTrajectoryBody,
        response: { 200: trajectoryDetail },
      },
      config: signedIn,
      bodyLimit: 1024 * 1024,
    },
    async (request) => {
      const actor = requireActor(request);
      const saved = await updateTrajectory(
        tenantOf(actor.organisationId),
        actor,
        request.params.trajectoryId,
        request.body.version,
        request.body.document,
        request.locale,
      );
      return presentTrajectory(saved);
    },
  );

  app.get(
    "/api/trajectory-templates",
    {
      schema: {
        tags: ["trajectories"],
        summary: "Example trajectories with their documents, in the caller's language",
        response: { 200: z.array(templateView) },
      },
      config: { access: "public" },
    },
    async (request) =>
      trajectoryTemplates.map((template) => ({
        key: template.key,
        title: template.title[request.locale],
        summary: template.summary[request.locale],
        skillKind: template.skillKind,
        document: renderTemplate(template, request.locale),
      })),
  );
};
