import { designCheckResult, trajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { defineRoutes, publicRoute } from "../../http/route-table.ts";
import { checkDesign } from "./design-check.ts";

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
  ],
);
