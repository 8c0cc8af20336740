import type { FastifyInstance, FastifyRequest } from "fastify";
import { defaultLocale, type Locale } from "../../common/locales.ts";
import type { Db } from "../db/client.ts";
import { Tenant } from "../db/tenant.ts";
import { AppError } from "../errors.ts";
import type { Actor } from "./context.ts";

/**
 * Everything a signed-in use case needs to know about the request it serves, set once per request:
 * who acts, the organisation's rows (`tenant`), the moment of the request (one clock reading, so a
 * request never sees time move), the public address for links, and the reader's language.
 * Use cases take it as their first argument and an options object as their second.
 */
export interface Scope {
  actor: Actor;
  tenant: Tenant;
  now: Date;
  site: string;
  locale: Locale;
}

declare module "fastify" {
  interface FastifyRequest {
    scope: Scope | null;
  }
}

/** Builds the scope of a signed-in person (jobs and tests build theirs the same way). */
export function scopeFor(db: Db, actor: Actor, context: { now: Date; site: string; locale?: Locale }): Scope {
  return {
    actor,
    tenant: new Tenant(db, actor.organisationId),
    now: context.now,
    site: context.site,
    locale: context.locale ?? actor.locale ?? defaultLocale,
  };
}

/**
 * Sets `request.scope` after the session is resolved, and refuses every API route that is not marked
 * `access: "public"` to a request without one: no route can forget to check the sign-in.
 */
export function registerScope(app: FastifyInstance, db: Db, publicUrl: string, clock: () => Date): void {
  app.decorateRequest("scope", null);
  app.addHook("onRequest", async (request) => {
    if (request.actor)
      request.scope = scopeFor(db, request.actor, { now: clock(), site: publicUrl, locale: request.locale });
    const config = request.routeOptions.config;
    const access = config?.access;
    if (!request.url.startsWith("/api/") || !request.routeOptions.url || access === "public") return;
    if (!request.scope) throw new AppError("UNAUTHENTICATED");
    if (!mayCallWhilePending(request.scope.actor.pendingSecondFactor, config?.secondFactorStep))
      throw new AppError("SECOND_FACTOR_PENDING");
  });
}

/**
 * A session that owes a second factor reaches only the routes that finish signing in (decision 0026):
 * a password alone must not open a coordinator's data, nor let its holder add a factor of their own.
 */
function mayCallWhilePending(
  pending: "verify" | "enrol" | null | undefined,
  allowed: "verify" | "enrol" | "any" | undefined,
): boolean {
  return !pending || allowed === "any" || allowed === pending;
}

/** The signed-in request's scope; the router has already refused requests without one. */
export function scopeOf(request: FastifyRequest): Scope {
  if (!request.scope) throw new AppError("UNAUTHENTICATED");
  return request.scope;
}
