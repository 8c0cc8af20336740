import {
  createScimTokenBody,
  scimTokenCreated,
  scimTokenParams,
  scimTokensView,
} from "../../../common/schemas/scim.ts";
import { defineRoutes, route } from "../../http/route-table.ts";
import { createScimToken, findScimTokens, revokeScimToken } from "./tokens.ts";

/** A coordinator's provisioning tokens for the directory (decision 0027). */
export const scimTokenRoutes = defineRoutes(
  ["scim"],
  [
    route.get(
      "/api/scim-tokens",
      { summary: "The organisation's SCIM tokens and the SCIM endpoint", response: scimTokensView },
      async (scope) => ({
        endpoint: `${scope.site}/scim/v2`,
        tokens: (await findScimTokens(scope)).map((t) => ({
          id: t.id,
          name: t.name,
          createdAt: t.createdAt.toISOString(),
          lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
          revokedAt: t.revokedAt?.toISOString() ?? null,
        })),
      }),
    ),

    route.post(
      "/api/scim-tokens",
      {
        summary: "Create a SCIM token; the token is in this answer only",
        body: createScimTokenBody,
        response: scimTokenCreated,
        status: 201,
        answerHoldsSecret: true,
      },
      (scope, { body }) => createScimToken(scope, body),
    ),

    route.delete(
      "/api/scim-tokens/:tokenId",
      {
        summary: "Revoke a SCIM token: the directory's next request is refused",
        params: scimTokenParams,
        status: 204,
      },
      (scope, { params }) => revokeScimToken(scope, params),
    ),
  ],
);
