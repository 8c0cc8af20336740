import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.ts";
import { Tenant } from "../../db/tenant.ts";
import { fetchAuthToken } from "./cmi5-launch.ts";
import { contentAddress, launchKey, readLaunch } from "./launch-token.ts";
import { packageFile, packageRow } from "./packages.service.ts";
import { unsafePathReason } from "./zip-safety.ts";

/**
 * The content origin (decision 0022): package files are untrusted HTML and JavaScript, so they are
 * served only to requests for the content host name, never to the app's. A request for the content host
 * reaches nothing else: not the API, not the web app. No cookie is set or read here; the launch token
 * in the path is the only key, and it names the organisation and the package.
 */

const CONTENT_PREFIXES = ["/launch/", "/content/", "/runtime/", "/cmi5/"];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".mp3": "audio/mpeg",
  ".m4a": "audio/mp4",
  ".wav": "audio/wav",
  ".ogg": "audio/ogg",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".vtt": "text/vtt",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".pdf": "application/pdf",
};

/**
 * The content origin's own policy. Packages made by authoring tools need inline script and eval, so
 * those are allowed here, where they reach nothing of Beklijf's: the content may talk only to its own
 * origin, be framed only by the app, and send no Referer (the token is in its address).
 */
export function contentHeaders(appOrigin: string, type: string): Record<string, string> {
  return {
    "content-type": type,
    "content-security-policy": [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob: https:",
      "media-src 'self' data: blob: https:",
      "font-src 'self' data: https:",
      // A cmi5 AU talks to the LRS at the app's /xapi/ with its own Basic credentials (no cookie).
      `connect-src 'self' ${appOrigin}`,
      "frame-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      `frame-ancestors 'self' ${appOrigin}`,
    ].join("; "),
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "cache-control": "private, max-age=600",
  };
}

/** The hosts answered for: the content host only reaches content routes, and content routes only it. */
export function registerContentHost(app: FastifyInstance, contentOrigin: string | null): void {
  if (!contentOrigin) return;
  const contentHost = new URL(contentOrigin).host;
  app.addHook("onRequest", async (request, reply) => {
    const forContent = request.host === contentHost;
    const contentPath = CONTENT_PREFIXES.some((prefix) => request.url.startsWith(prefix));
    if (forContent !== contentPath)
      return reply.code(404).type("text/plain; charset=utf-8").send("Not found");
  });
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/**
 * The page the app frames: it puts scorm-again's CrossFrameAPI where the SCO looks for `API` (1.2) or
 * `API_1484_11` (2004), warms its cache with the saved CMI data (so a SCO that reads its suspend data
 * right after Initialize gets it), then loads the SCO in a frame of its own, on the same content origin.
 */
export function launchPage(options: {
  appOrigin: string;
  standard: string;
  scoUrl: string;
  title: string;
}): string {
  const name = options.standard === "scorm12" ? "API" : "API_1484_11";
  const config = JSON.stringify({ appOrigin: options.appOrigin, name, scoUrl: options.scoUrl }).replace(
    /</g,
    "\\u003c",
  );
  return `<!doctype html>
<html lang="und">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>html,body{margin:0;height:100%;overflow:hidden}iframe{display:block;border:0;width:100%;height:100%}</style>
<script src="/runtime/cross-frame-api.js"></script>
</head>
<body>
<iframe id="sco" title="${escapeHtml(options.title)}"></iframe>
<script>
(function () {
  var config = ${config};
  var api = new CrossFrameAPI(config.appOrigin, window.parent);
  window[config.name] = api;
  function start() { document.getElementById("sco").src = config.scoUrl; }
  api._post("getFlattenedCMI", []).then(function (all) {
    Object.keys(all || {}).forEach(function (key) { api._cache.set(key, String(all[key])); });
  }).catch(function () {}).then(start);
})();
</script>
</body>
</html>`;
}

const runtimeScript = fs.readFileSync(
  createRequire(import.meta.url).resolve("scorm-again/cross-frame-api/min"),
  "utf8",
);

const notFound = (reply: FastifyReply) => reply.code(404).type("text/plain; charset=utf-8").send("Not found");

/** Content-origin routes; public (the token is the key), outside /api, so no session is involved. */
export function contentRoutes(deps: {
  db: Db;
  appOrigin: string;
  contentOrigin: string | null;
  clock: () => Date;
}) {
  return async (app: FastifyInstance) => {
    if (!deps.contentOrigin) return;
    const config = { access: "public" as const };
    // The installation key never changes: read once, not twice per file of a module.
    let key: Buffer | null = null;
    const tenantOf = async (token: string) => {
      key ??= await launchKey(deps.db);
      const payload = readLaunch(key, token, deps.clock());
      return payload ? { tenant: new Tenant(deps.db, payload.o), packageId: payload.p } : null;
    };

    app.get("/runtime/cross-frame-api.js", { config, schema: { hide: true } }, async (_request, reply) =>
      reply.headers(contentHeaders(deps.appOrigin, TYPES[".js"]!)).send(runtimeScript),
    );

    app.get("/launch/:token", { config, schema: { hide: true } }, async (request: FastifyRequest, reply) => {
      const { token } = request.params as { token: string };
      const found = await tenantOf(token);
      if (!found) return notFound(reply);
      const pkg = await packageRow(found.tenant, found.packageId).catch(() => null);
      // Which SCO of a package with several (player.service.ts puts its position here).
      const { unit: position = "0" } = request.query as { unit?: string };
      const unit = /^\d{1,4}$/.test(position) ? pkg?.units[Number(position)] : undefined;
      if (!pkg || !unit || pkg.standard === "cmi5") return notFound(reply);
      const page = launchPage({
        appOrigin: deps.appOrigin,
        standard: pkg.standard,
        scoUrl: contentAddress(token, unit.href),
        title: pkg.title,
      });
      return reply
        .headers(contentHeaders(deps.appOrigin, TYPES[".html"]!))
        .removeHeader("x-frame-options")
        .send(page);
    });

    // cmi5 §8.2: the AU's one-time fetch URL. POST only; CORS for an AU hosted elsewhere (no cookie here).
    app.post(
      "/cmi5/fetch/:token",
      { config, schema: { hide: true } },
      async (request: FastifyRequest, reply) => {
        const { token } = request.params as { token: string };
        const answer = await fetchAuthToken(deps.db, token, deps.clock());
        return reply
          .code(answer.status)
          .headers({ "cache-control": "no-store", "access-control-allow-origin": "*" })
          .type("application/json")
          .send(JSON.stringify(answer.body));
      },
    );

    app.get(
      "/content/:token/*",
      { config, schema: { hide: true } },
      async (request: FastifyRequest, reply) => {
        const params = request.params as { token: string; "*": string };
        const file = params["*"];
        if (!file || unsafePathReason(file)) return notFound(reply);
        const found = await tenantOf(params.token);
        if (!found) return notFound(reply);
        const content = await packageFile(found.tenant, found.packageId, file);
        if (!content) return notFound(reply);
        const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
        return reply
          .headers(contentHeaders(deps.appOrigin, type))
          .removeHeader("x-frame-options")
          .send(content);
      },
    );
  };
}
