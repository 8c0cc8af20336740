import {
  designCheckResult,
  trajectoryDocument,
  trajectoryParams,
} from "../../../common/schemas/trajectories.ts";
import { defineRoutes, publicRoute, route } from "../../http/route-table.ts";
import { notFound } from "../../errors.ts";
import { authorizerFor } from "../../policy.ts";
import { bankFacts, isOwnTrajectory } from "./bank-facts.ts";
import { checkDesign } from "./design-check.ts";

// The same people who may read a trajectory may see its check (trajectories' "trajectory.read").
const authorize = authorizerFor({ "design-check.read": ["coordinator", "designer", "manager", "coach"] });

/** Stateless: checks a document and saves nothing, so other tools can use the check without the UI. */
export const designCheckRoutes = defineRoutes(
  ["design-check"],
  [
    publicRoute.post(
      "/api/design-check",
      {
        summary: "Check a trajectory document against the transfer research (nothing is saved)",
        body: trajectoryDocument,
        response: designCheckResult,
        rateLimit: { max: 300, timeWindow: "1 minute" },
        bodyLimit: 1024 * 1024,
      },
      (request, { body }) => checkDesign(body, request.locale),
    ),
    route.post(
      "/api/trajectories/:trajectoryId/design-check",
      {
        summary:
          "Check a saved trajectory's document (as edited, not yet saved) together with its question bank (nothing is saved)",
        params: trajectoryParams,
        body: trajectoryDocument,
        response: designCheckResult,
        bodyLimit: 1024 * 1024,
      },
      async ({ tenant, actor, locale }, { params, body }) => {
        authorize(actor, "design-check.read");
        if (!(await isOwnTrajectory(tenant, params.trajectoryId))) throw notFound("trajectory");
        const facts = await bankFacts(tenant, [params.trajectoryId]);
        return checkDesign(body, locale, facts.get(params.trajectoryId));
      },
    ),
  ],
);
