import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { findHostileInput } from "../../http/input-guard.ts";
import type { Paging, ScimContext } from "./context.ts";
import { resourceTypesAt, schemasAt, serviceProviderConfig } from "./discovery.ts";
import {
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  patchGroup,
  replaceGroup,
} from "./groups.service.ts";
import { parseOperations } from "./patch.ts";
import { ScimError, errorBody, invalidSyntax, invalidValue } from "./scim-errors.ts";
import { authenticateScim } from "./tokens.ts";
import { createUser, deleteUser, getUser, listUsers, patchUser, replaceUser } from "./users.service.ts";

/**
 * SCIM 2.0 at `/scim/v2/` (RFC 7643/7644, decision 0027). One dispatcher, like the LRS, because SCIM's
 * wire rules cut across its resources: a Bearer token instead of the session cookie, `application/scim+json`
 * bodies, and errors in SCIM's own format (never problem+json, never a 5xx for a malformed request).
 */

export interface ScimDeps {
  db: Db;
  site: string;
  clock: () => Date;
}

const SCIM_TYPE = "application/scim+json; charset=utf-8";
const MAX_COUNT = 200;

interface Answer {
  status: number;
  body?: unknown;
  location?: string;
}

function integer(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const number = Number(value);
  // Beyond a billion no page exists, and the database's offset would overflow further on.
  if (!Number.isInteger(number) || Math.abs(number) > 1e9)
    throw invalidValue(`${name} must be a whole number`);
  return number;
}

function pagingOf(query: Record<string, unknown>): Paging {
  return {
    startIndex: Math.max(1, integer(query.startIndex, "startIndex", 1)),
    count: Math.min(MAX_COUNT, Math.max(0, integer(query.count, "count", 100))),
  };
}

/** `excludedAttributes=members` (Entra ID asks it when it only wants to know a group exists). */
function wantsMembers(query: Record<string, unknown>): boolean {
  const excluded = String(query.excludedAttributes ?? "")
    .toLowerCase()
    .split(",")
    .map((s) => s.trim());
  return !excluded.includes("members");
}

function jsonBody(request: FastifyRequest): unknown {
  const type = String(request.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
  if (type !== "application/scim+json" && type !== "application/json")
    throw new ScimError(415, "send application/scim+json or application/json");
  const raw = Buffer.isBuffer(request.body) ? request.body.toString("utf8") : "";
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidSyntax("the body is not valid JSON");
  }
  // The same gate as every other body: text PostgreSQL cannot store never reaches a query.
  const hostile = findHostileInput(parsed);
  if (hostile.length)
    throw invalidValue(`${hostile[0]!.field} holds characters or numbers no field may hold`);
  return parsed;
}

function flatQuery(query: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(value)) throw invalidValue(`${key} is given twice`);
    out[key] = value;
  }
  return out;
}

const methodNotAllowed = () => new ScimError(405, "this method is not supported here");

async function users(context: ScimContext, request: FastifyRequest, id: string | undefined): Promise<Answer> {
  const query = flatQuery(request.query);
  const filter = typeof query.filter === "string" ? query.filter : undefined;
  if (id === undefined) {
    if (request.method === "GET")
      return { status: 200, body: await listUsers(context, { filter, paging: pagingOf(query) }) };
    if (request.method === "POST") {
      const created = await createUser(context, jsonBody(request));
      return { status: 201, body: created, location: created.meta.location };
    }
    throw methodNotAllowed();
  }
  switch (request.method) {
    case "GET":
      return { status: 200, body: await getUser(context, id) };
    case "PUT":
      return { status: 200, body: await replaceUser(context, id, jsonBody(request)) };
    case "PATCH":
      return { status: 200, body: await patchUser(context, id, parseOperations(jsonBody(request))) };
    case "DELETE":
      await deleteUser(context, id);
      return { status: 204 };
    default:
      throw methodNotAllowed();
  }
}

async function groups(
  context: ScimContext,
  request: FastifyRequest,
  id: string | undefined,
): Promise<Answer> {
  const query = flatQuery(request.query);
  const members = wantsMembers(query);
  const filter = typeof query.filter === "string" ? query.filter : undefined;
  if (id === undefined) {
    if (request.method === "GET")
      return { status: 200, body: await listGroups(context, { filter, paging: pagingOf(query), members }) };
    if (request.method === "POST") {
      const created = await createGroup(context, jsonBody(request), { members });
      return { status: 201, body: created, location: created.meta.location };
    }
    throw methodNotAllowed();
  }
  switch (request.method) {
    case "GET":
      return { status: 200, body: await getGroup(context, id, { members }) };
    case "PUT":
      return { status: 200, body: await replaceGroup(context, id, jsonBody(request), { members }) };
    case "PATCH":
      await patchGroup(context, id, parseOperations(jsonBody(request)));
      return { status: 204 };
    case "DELETE":
      await deleteGroup(context, id);
      return { status: 204 };
    default:
      throw methodNotAllowed();
  }
}

function discovery(base: string, resource: string, id: string | undefined): Answer {
  const found =
    resource === "ServiceProviderConfig"
      ? id === undefined
        ? serviceProviderConfig(base)
        : null
      : resource === "ResourceTypes"
        ? resourceTypesAt(base, id)
        : schemasAt(base, id);
  if (!found) throw new ScimError(404, `${resource} ${id ?? ""} not found`.trim());
  return { status: 200, body: found };
}

const DISCOVERY = ["ServiceProviderConfig", "ResourceTypes", "Schemas"];

async function dispatch(deps: ScimDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const rest = ((request.params as { "*"?: string })["*"] ?? "").replace(/\/+$/, "");
  const [resource = "", id, ...more] = rest.split("/");
  const base = `${deps.site}/scim/v2`;
  const caller = await authenticateScim(deps.db, request.headers.authorization, deps.clock());
  if (!caller) {
    reply.header("www-authenticate", 'Bearer realm="scim"');
    throw new ScimError(401, "a valid Bearer token is required");
  }
  if (more.length > 0) throw new ScimError(404, "no such resource");
  const context: ScimContext = { tenant: caller.tenant, tokenId: caller.tokenId, now: deps.clock(), base };
  let answer: Answer;
  if (DISCOVERY.includes(resource)) {
    if (request.method !== "GET") throw methodNotAllowed();
    answer = discovery(base, resource, id);
  } else if (resource === "Users") answer = await users(context, request, id);
  else if (resource === "Groups") answer = await groups(context, request, id);
  else throw new ScimError(404, "no such resource");
  if (answer.location) reply.header("location", answer.location);
  reply.status(answer.status);
  if (answer.body === undefined) return void reply.send();
  reply.type(SCIM_TYPE).send(JSON.stringify(answer.body));
}

/** Every failure as a SCIM error: ours, the input gate's, Fastify's (a body too large), or a fault (500). */
function answerError(
  error: FastifyError | ScimError | AppError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  let scim: ScimError;
  if (error instanceof ScimError) scim = error;
  else if (error instanceof AppError) scim = invalidValue("the request holds a value no field may hold");
  else if (typeof error.statusCode === "number" && error.statusCode < 500)
    scim = new ScimError(
      error.statusCode,
      error.statusCode === 413 ? "the body is too large" : "the request is malformed",
    );
  else {
    request.log.error({ err: error }, "SCIM request failed");
    scim = new ScimError(500, `internal error (request ${request.id})`);
  }
  reply
    .header("cache-control", "no-store")
    .status(scim.status)
    .type(SCIM_TYPE)
    .send(JSON.stringify(errorBody(scim)));
}

/** Registers SCIM; its body parsing and errors stay inside this plugin (Fastify encapsulation). */
export async function scimRoutes(app: FastifyInstance, deps: ScimDeps): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: 1024 * 1024 }, (_request, body, done) =>
    done(null, body),
  );
  app.setErrorHandler(answerError);
  app.addHook("onRequest", async (_request, reply) => {
    reply.header("cache-control", "no-store");
  });
  app.route({
    method: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    url: "/scim/v2/*",
    schema: { hide: true },
    config: { access: "public" },
    handler: (request, reply) => dispatch(deps, request, reply),
  });
}
