import type { FastifyInstance, FastifyRequest } from "fastify";
import { defaultLocale, isLocale, negotiateLocale } from "../../common/locales.ts";
import { AppError } from "../errors.ts";
import type { FindActor } from "../modules/auth/actor-cache.ts";
import { SESSION_COOKIE } from "../modules/auth/sessions.ts";
import type { Actor } from "./context.ts";

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF defence for cookie-authenticated writes: the browser's `Origin` (or Fetch Metadata) must say the
 * request comes from Beklijf itself. An API client that sends the right Origin needs no token.
 * Requests without a session cookie carry no ambient authority, so they pass unless they name a foreign
 * origin outright.
 */
export function isCrossSiteWrite(request: FastifyRequest, publicUrl: string): boolean {
  if (!UNSAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.origin;
  const hasSession = Boolean(request.cookies[SESSION_COOKIE]);
  if (origin) {
    const own = new Set([new URL(publicUrl).origin, `${request.protocol}://${request.host}`]);
    return !own.has(origin);
  }
  const site = request.headers["sec-fetch-site"];
  if (site) return site !== "same-origin" && site !== "none";
  return hasSession;
}

/** Attaches `request.locale` and `request.actor` to every request, and rejects cross-site writes. */
export function registerRequestContext(
  app: FastifyInstance,
  findActor: FindActor,
  publicUrl: string,
  clock: () => Date,
): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("locale", "nl");

  app.addHook("onRequest", async (request) => {
    // An explicit Accept-Language wins (the web app sends its current language); otherwise the
    // person's own setting; otherwise Dutch, the product's home language.
    const asked = negotiateLocale(request.headers["accept-language"]);
    request.locale = asked ?? defaultLocale;
    if (!request.url.startsWith("/api/")) return;
    if (isCrossSiteWrite(request, publicUrl)) throw new AppError("CSRF_REJECTED");
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const actor = await findActor(token, clock());
    if (!actor) return;
    request.actor = actor;
    if (!asked && isLocale(actor.locale)) request.locale = actor.locale;
  });
}

/** The signed-in actor, or UNAUTHENTICATED. The first line of every signed-in handler. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("UNAUTHENTICATED");
  return request.actor;
}
