import { z } from "zod";
import { evidenceView } from "../../../common/schemas/trajectories.ts";
import { defineRoutes, publicRoute } from "../../http/route-table.ts";
import { searchEvidence } from "./evidence.service.ts";

/** The evidence library: data shipped with the code, readable without signing in. */
export const evidenceRoutes = defineRoutes(
  ["evidence"],
  [
    publicRoute.get(
      "/api/evidence",
      {
        summary: "The evidence library; figures not verified are withheld (null)",
        query: z.object({ q: z.string().max(100).optional() }),
        response: z.array(evidenceView),
      },
      (request, { query }) => searchEvidence(request.locale, query),
    ),
  ],
);
