import {
  createXapiClientBody,
  xapiClientCredentials,
  xapiClientParams,
  xapiClientsView,
} from "../../../common/schemas/xapi-clients.ts";
import { defineRoutes, route } from "../../http/route-table.ts";
import { createXapiClient, findXapiClients, revokeXapiClient } from "./clients.ts";

/** A coordinator's xAPI clients: HTTP Basic credentials for the LRS at `/xapi/` (decision 0021). */
export const xapiClientRoutes = defineRoutes(
  ["xapi"],
  [
    route.get(
      "/api/xapi-clients",
      { summary: "The organisation's xAPI clients and the LRS endpoint", response: xapiClientsView },
      async (scope) => ({
        endpoint: `${scope.site}/xapi/`,
        clients: (await findXapiClients(scope)).map((c) => ({
          id: c.id,
          name: c.name,
          key: c.key,
          createdAt: c.createdAt.toISOString(),
          revokedAt: c.revokedAt?.toISOString() ?? null,
        })),
      }),
    ),

    route.post(
      "/api/xapi-clients",
      {
        summary: "Create an xAPI client; the secret is in this answer only",
        body: createXapiClientBody,
        response: xapiClientCredentials,
        status: 201,
        answerHoldsSecret: true,
      },
      (scope, { body }) => createXapiClient(scope, body),
    ),

    route.delete(
      "/api/xapi-clients/:clientId",
      {
        summary: "Revoke an xAPI client: its credentials stop working",
        params: xapiClientParams,
        status: 204,
      },
      (scope, { params }) => revokeXapiClient(scope, params),
    ),
  ],
);
