import {
  xapiForwardingBody,
  xapiForwardingTestView,
  xapiForwardingView,
} from "../../../common/schemas/xapi-forwarding.ts";
import { secretSealer } from "../../crypto/secrets.ts";
import type { AppDeps } from "../../http/context.ts";
import { defineRoutes, route } from "../../http/route-table.ts";
import { type ForwardingDeps, getForwarding, saveForwarding, testForwarding } from "./forwarding-settings.ts";

/** Forwarding statements to an external LRS the organisation names (decision 0035). */
export const xapiForwardingRoutes = defineRoutes(
  ["xapi"],
  ({ config, database }: Pick<AppDeps, "config" | "database">) => {
    const deps: ForwardingDeps = {
      sealer: () => secretSealer(database.db, config.secretsKey),
      production: config.nodeEnv === "production",
    };
    return [
      route.get(
        "/api/xapi-forwarding",
        { summary: "Forwarding to an external LRS: settings and state", response: xapiForwardingView },
        (scope) => getForwarding(scope),
      ),
      route.put(
        "/api/xapi-forwarding",
        {
          summary:
            "Save forwarding: endpoint, key and secret (write-only), on or off; also retries a refusal",
          body: xapiForwardingBody,
          status: 204,
        },
        (scope, { body }) => saveForwarding(scope, deps, body),
      ),
      route.post(
        "/api/xapi-forwarding/test",
        {
          summary: "Test the connection: the external LRS's /about with the stored credentials",
          response: xapiForwardingTestView,
        },
        (scope) => testForwarding(scope, deps),
      ),
    ];
  },
);
