import { randomUUID } from "node:crypto";
import { type SharedTestApp, TEST_ORIGIN, caller } from "./app.ts";
import { buildCoordinator, buildOrganisation } from "./factories.ts";

/** `Authorization: Basic …` for a key and secret. */
export const basic = (key: string, secret: string) =>
  `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;

/** An organisation with a coordinator who created an xAPI client through the Public API. */
export async function organisationWithXapiClient(t: Pick<SharedTestApp, "app" | "database" | "signIn">) {
  const organisation = await buildOrganisation(t.database.db, { defaultLocale: "en" });
  const coordinator = await buildCoordinator(t.database.db, organisation.id);
  const cookie = await t.signIn(coordinator.email);
  const created = await caller(t)("POST", "/api/xapi-clients", cookie, { name: "Authoring tool" });
  if (created.statusCode !== 201) throw new Error(`creating an xAPI client failed: ${created.body}`);
  const { id, key, secret } = created.json<{ id: string; key: string; secret: string }>();
  return { organisation, coordinator, cookie, clientId: id, key, secret, authorization: basic(key, secret) };
}

export interface LrsCall {
  /** A JSON body (sent as application/json unless `contentType` says otherwise). */
  json?: unknown;
  body?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** The X-Experience-API-Version header; null leaves it out. */
  version?: string | null;
  authorization?: string | null;
}

/** Calls the LRS as a client would: Basic credentials and an xAPI version on every request. */
export function lrsCaller(t: Pick<SharedTestApp, "app">, authorization: string) {
  return (
    method: "GET" | "HEAD" | "POST" | "PUT" | "DELETE" | "OPTIONS",
    url: string,
    call: LrsCall = {},
  ) => {
    const version = call.version === undefined ? "2.0.0" : call.version;
    const auth = call.authorization === undefined ? authorization : call.authorization;
    const body = call.json === undefined ? call.body : JSON.stringify(call.json);
    const contentType = call.contentType ?? (call.json === undefined ? undefined : "application/json");
    return t.app.inject({
      method,
      url,
      headers: {
        ...(auth ? { authorization: auth } : {}),
        ...(version ? { "x-experience-api-version": version } : {}),
        ...(contentType ? { "content-type": contentType } : {}),
        ...call.headers,
      },
      ...(body === undefined ? {} : { payload: body }),
    });
  };
}

/** A small valid statement by an agent identified by email, about an activity. */
export function aStatement(options: { email?: string; verb?: string; activity?: string; id?: string } = {}) {
  return {
    id: options.id ?? randomUUID(),
    actor: { objectType: "Agent", name: "Lotte", mbox: `mailto:${options.email ?? "lotte@example.test"}` },
    verb: {
      id: options.verb ?? "http://adlnet.gov/expapi/verbs/completed",
      display: { "en-US": "completed" },
    },
    object: {
      objectType: "Activity",
      id: options.activity ?? "https://content.example.test/course/1",
      definition: { name: { "en-US": "Safety basics", "nl-NL": "Veiligheid" } },
    },
  };
}

export { TEST_ORIGIN };
