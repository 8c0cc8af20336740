import { type SharedTestApp, caller } from "./app.ts";
import { buildCoordinator, buildOrganisation } from "./factories.ts";

/** Test helpers for the SCIM integration tests: an organisation with a token, and calls as Entra sends them. */

export const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

export async function organisationWithScimToken(t: Pick<SharedTestApp, "app" | "database" | "signIn">) {
  const organisation = await buildOrganisation(t.database.db, { defaultLocale: "en" });
  const coordinator = await buildCoordinator(t.database.db, organisation.id);
  const cookie = await t.signIn(coordinator.email);
  const created = await caller(t)("POST", "/api/scim-tokens", cookie, { name: "Entra ID" });
  if (created.statusCode !== 201) throw new Error(`creating a SCIM token failed: ${created.body}`);
  const { id, token } = created.json<{ id: string; token: string }>();
  return { organisation, coordinator, cookie, tokenId: id, token };
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Calls `/scim/v2/…` as a directory does: Bearer token, `application/scim+json`. */
export function scimCaller(t: Pick<SharedTestApp, "app">, token: string | null) {
  return (method: Method, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url: `/scim/v2${path}`,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { "content-type": "application/scim+json" } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    });
}

/** A user as Microsoft Entra ID creates one (its documented request). */
export function entraUser(userName: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: [USER, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
    externalId: `ext-${userName}`,
    userName,
    active: true,
    emails: [{ primary: true, type: "work", value: userName }],
    meta: { resourceType: "User" },
    name: { formatted: "givenName familyName", familyName: "Jansen", givenName: "Anouk" },
    roles: [],
    ...extra,
  };
}

export const patchOps = (...Operations: unknown[]) => ({ schemas: [PATCH], Operations });
