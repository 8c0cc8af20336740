import type { IncomingMessage, ServerResponse } from "node:http";
import helmetPlugin from "@fastify/helmet";
import type { FastifyInstance, FastifyReply } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

/**
 * Security headers for every answer, including those Fastify writes before routing (a malformed URL),
 * which skip the route hooks: the same helmet configuration is applied to them by hand.
 */
export function helmetOptions(
  strictTransportSecurity: boolean,
  contentOrigin: string | null = null,
  /** The web app page's own inline styles, by hash (`web-app-page.ts`). */
  styleHashes: string[] = [],
): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", ...styleHashes],
        // Designers put images in Markdown content by address; videos embed from two privacy-friendly players.
        imgSrc: ["'self'", "data:", "https:"],
        // Content packages play from their own origin (decision 0022), never from the app's.
        frameSrc: [
          "https://www.youtube-nocookie.com",
          "https://player.vimeo.com",
          ...(contentOrigin ? [contentOrigin] : []),
        ],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        // The service worker (sw.js and Workbox's runtime) and the web app manifest come from Beklijf itself.
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity,
  };
}

/** Beklijf uses no camera, microphone, location or payment API; peer-feedback files are uploaded, not captured live. */
const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()";

/** API answers hold personal data: no browser or proxy keeps a copy (ASVS 14.3). */
function addOwnHeaders(reply: FastifyReply, url: string): void {
  reply.header("permissions-policy", PERMISSIONS_POLICY);
  if (url.startsWith("/api/")) reply.header("cache-control", "no-store");
}

export async function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions): Promise<void> {
  await app.register(helmetPlugin, options as Parameters<typeof helmetPlugin>[1]);
  app.addHook("onRequest", async (request, reply) => addOwnHeaders(reply, request.url));
}

/** For answers written outside the route lifecycle (Fastify's framework errors). */
export function applySecurityHeaders(
  options: HelmetOptions,
  raw: { req: IncomingMessage; res: ServerResponse },
  reply: FastifyReply,
  url: string,
): void {
  helmet(options)(raw.req, raw.res, () => {});
  addOwnHeaders(reply, url);
}
