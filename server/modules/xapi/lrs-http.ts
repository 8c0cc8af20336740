import { createHash } from "node:crypto";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.ts";
import type { Tenant } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import { authenticateXapi } from "./clients.ts";
import { handleDocuments, handleAbout, handleActivities, handleAgents } from "./lrs-documents.handlers.ts";
import { handleStatements } from "./lrs-statements.handlers.ts";
import type { XapiVersion } from "./statement-validation.ts";
import type { XapiCaller } from "./statements-store.ts";
import type { JsonObject } from "./formats.ts";
import { XapiError, invalid } from "./xapi-errors.ts";

/**
 * The LRS at `/xapi/` (decision 0021). One dispatcher rather than a route per resource, because the
 * xAPI wire rules cut across resources: the version header, Basic credentials instead of the session
 * cookie, CORS for content on another origin, the Alternate Request Syntax of 1.0.3 (a POST that
 * carries another method, its headers and its body in a form), raw bodies of any content type, and
 * the spec's status codes instead of problem+json.
 */

export interface LrsRequest {
  method: string;
  resource: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: Buffer;
  version: XapiVersion;
  now: Date;
  site: string;
}

export interface LrsContext {
  tenant: Tenant;
  caller: XapiCaller;
  afterLaunchStatements?: LaunchStatementsListener | undefined;
  beforeLaunchStatements?: LaunchStatementsGuard | undefined;
}

/** Asked before statements from launched content are stored: a reason to refuse them (403), or null. */
export type LaunchStatementsGuard = (
  tenant: Tenant,
  caller: XapiCaller,
  statements: JsonObject[],
) => Promise<string | null>;

/**
 * Told of statements that content sent with per-launch credentials, after they are stored: cmi5's
 * LMS side (packages module) evaluates moveOn from them. Passed in, so this module knows no packages.
 */
export type LaunchStatementsListener = (
  tenant: Tenant,
  caller: XapiCaller,
  statements: JsonObject[],
  now: Date,
) => Promise<void>;

export interface LrsAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface LrsDeps {
  db: Db;
  site: string;
  clock: () => Date;
  afterLaunchStatements?: LaunchStatementsListener;
  beforeLaunchStatements?: LaunchStatementsGuard;
}

const EXPOSED =
  "ETag, Last-Modified, Content-Type, X-Experience-API-Version, X-Experience-API-Consistent-Through";
const ALLOWED =
  "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match, Accept-Language";

/**
 * CORS: content from the package origin calls the LRS from the browser. Any origin may, because a
 * request carries its own Basic credentials and no cookie is ever read here (nothing ambient to abuse).
 */
function addCors(request: FastifyRequest, reply: FastifyReply): void {
  reply.header("cache-control", "no-store");
  reply.header("cross-origin-resource-policy", "cross-origin");
  const origin = request.headers.origin;
  if (!origin) return;
  reply.header("access-control-allow-origin", origin);
  reply.header("vary", "Origin");
  reply.header("access-control-expose-headers", EXPOSED);
  reply.header("access-control-allow-headers", ALLOWED);
  reply.header("access-control-allow-methods", "GET, HEAD, PUT, POST, DELETE, OPTIONS");
  reply.header("access-control-max-age", "600");
}

function versionOf(header: string | undefined, resource: string): XapiVersion {
  if (header === undefined) {
    if (resource === "about") return "2.0";
    throw invalid("X-Experience-API-Version is required");
  }
  if (/^1\.0(\.\d+)?$/.test(header.trim())) return "1.0";
  if (/^2\.0(\.\d+)?$/.test(header.trim())) return "2.0";
  throw invalid("X-Experience-API-Version must be 1.0.x or 2.0.x");
}

const FULL_VERSION: Record<XapiVersion, string> = { "1.0": "1.0.3", "2.0": "2.0.0" };

/**
 * The version each set of credentials last spoke (in memory only), by a hash of the Authorization
 * header so no secret is kept in the map.
 */
const lastVersions = new Map<string, XapiVersion>();
const credentialsId = (authorization: string) =>
  createHash("sha256").update(authorization).digest("base64url");
const lastVersionOf = (credentials: string | undefined) =>
  (credentials && lastVersions.get(credentials)) || "2.0";
function rememberVersion(credentials: string | undefined, version: XapiVersion): void {
  if (!credentials || lastVersions.get(credentials) === version) return;
  if (lastVersions.size > 10_000) lastVersions.clear();
  lastVersions.set(credentials, version);
}

function flatHeaders(request: FastifyRequest): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(", ") : v]),
  );
}

function flatQuery(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(value)) throw invalid(`${key} is given twice`);
    out[key] = String(value);
  }
  return out;
}

const FORM_HEADERS = [
  "authorization",
  "x-experience-api-version",
  "content-type",
  "content-length",
  "if-match",
  "if-none-match",
];

/** xAPI 1.0.3 Alternate Request Syntax: `POST ?method=PUT` with the headers and content in a form. */
function alternateSyntax(request: FastifyRequest, base: Omit<LrsRequest, "version" | "now" | "site">) {
  const method = base.query.method;
  if (method === undefined) return base;
  if (request.method !== "POST") throw invalid("method= is only for POST");
  if (Object.keys(base.query).length > 1) throw invalid("with method=, all parameters go in the form");
  if (!["GET", "PUT", "POST", "DELETE", "HEAD"].includes(method))
    throw invalid("method= names no known method");
  const type = (base.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") throw invalid("method= needs a form body");
  const form = new URLSearchParams(base.body.toString("utf8"));
  const headers: Record<string, string | undefined> = { ...base.headers, "content-type": undefined };
  const query: Record<string, string> = {};
  let body = Buffer.alloc(0);
  for (const [key, value] of form) {
    const lower = key.toLowerCase();
    if (FORM_HEADERS.includes(lower)) headers[lower] = value;
    else if (key === "content") body = Buffer.from(value);
    else query[key] = value;
  }
  if (headers["content-type"] === undefined && body.length) headers["content-type"] = "application/json";
  return { ...base, method, headers, query, body, alternate: true };
}

async function dispatch(deps: LrsDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const resource = ((request.params as { "*"?: string })["*"] ?? "").replace(/\/+$/, "");
  if (request.method === "OPTIONS") return void reply.status(204).send();
  const base = {
    method: request.method,
    resource,
    query: flatQuery(request.query),
    headers: flatHeaders(request),
    body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
  };
  // Every answer names a version, and a statement query says how far it is consistent, even when refused.
  // A request without the header is answered in the version its client spoke last (else 2.0.0).
  // Hashed once per request (the profile showed it twice per request, for no reason).
  const header = request.headers.authorization;
  const credentials = header ? credentialsId(header) : undefined;
  reply.header("x-experience-api-version", FULL_VERSION[lastVersionOf(credentials)]);
  if (resource === "statements")
    reply.header("x-experience-api-consistent-through", deps.clock().toISOString());
  const raw = alternateSyntax(request, base);
  const version = versionOf(raw.headers["x-experience-api-version"], resource);
  if ("alternate" in raw && version === "2.0") throw invalid("xAPI 2.0 has no alternate request syntax");
  reply.header("x-experience-api-version", FULL_VERSION[version]);
  const sent = raw.headers.authorization;
  rememberVersion(sent === header ? credentials : sent && credentialsId(sent), version);
  const lrsRequest: LrsRequest = { ...raw, version, now: deps.clock(), site: deps.site };
  if (resource === "about") return send(reply, handleAbout(lrsRequest));
  const auth = await authenticateXapi(deps.db, raw.headers.authorization, deps.site, lrsRequest.now);
  if (!auth) {
    reply.header("www-authenticate", 'Basic realm="xAPI"');
    throw new XapiError(401, "valid Basic credentials are required");
  }
  const answer = await route(lrsRequest, {
    ...auth,
    afterLaunchStatements: deps.afterLaunchStatements,
    beforeLaunchStatements: deps.beforeLaunchStatements,
  });
  return send(reply, answer);
}

function route(request: LrsRequest, context: LrsContext): Promise<LrsAnswer> | LrsAnswer {
  switch (request.resource) {
    case "statements":
      return handleStatements(request, context);
    case "activities/state":
      return handleDocuments("state", request, context);
    case "activities/profile":
      return handleDocuments("activity-profile", request, context);
    case "agents/profile":
      return handleDocuments("agent-profile", request, context);
    case "agents":
      return handleAgents(request, context);
    case "activities":
      return handleActivities(request, context);
    default:
      throw new XapiError(404, "no such resource");
  }
}

function send(reply: FastifyReply, answer: LrsAnswer): void {
  for (const [key, value] of Object.entries(answer.headers ?? {})) reply.header(key, value);
  reply.status(answer.status);
  if (answer.body === undefined) return void reply.send();
  if (Buffer.isBuffer(answer.body)) return void reply.send(answer.body);
  reply.type("application/json").send(JSON.stringify(answer.body));
}

function answerError(
  error: FastifyError | XapiError | AppError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status =
    error instanceof XapiError
      ? error.status
      : error instanceof AppError
        ? 400
        : typeof (error as FastifyError).statusCode === "number" && (error as FastifyError).statusCode! < 500
          ? (error as FastifyError).statusCode!
          : 500;
  if (status >= 500) request.log.error({ err: error }, "xAPI request failed");
  const message =
    status >= 500 ? "internal error" : error instanceof AppError ? "invalid input" : error.message;
  addCors(request, reply);
  reply
    .status(status)
    .type("application/json")
    .send(JSON.stringify({ error: true, message }));
}

/** Registers the LRS; its own body parsing and errors stay inside this plugin (Fastify encapsulation). */
export async function lrsRoutes(app: FastifyInstance, deps: LrsDeps): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: 16 * 1024 * 1024 }, (_request, body, done) =>
    done(null, body),
  );
  app.setErrorHandler(answerError);
  app.addHook("onRequest", async (request, reply) => addCors(request, reply));
  app.route({
    method: ["GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"],
    url: "/xapi/*",
    schema: { hide: true },
    config: { access: "public" },
    handler: (request, reply) => dispatch(deps, request, reply),
  });
}
