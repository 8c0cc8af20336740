import { and, desc, eq } from "drizzle-orm";
import { xapiStatements } from "../../db/schema/index.ts";
import {
  type DocumentKind,
  deleteDocuments,
  getDocument,
  listDocumentIds,
  parseDocumentAddress,
  writeDocument,
} from "./documents.ts";
import { type Json, type JsonObject, isIri, isObject } from "./formats.ts";
import type { LrsAnswer, LrsContext, LrsRequest } from "./lrs-http.ts";
import { agent as checkAgent, actor as checkActor } from "./statement-validation.ts";
import { XapiError, invalid } from "./xapi-errors.ts";

/** State, Activity Profile and Agent Profile: GET (one or the ids), PUT, POST (merge), DELETE. */
export async function handleDocuments(
  kind: DocumentKind,
  request: LrsRequest,
  context: LrsContext,
): Promise<LrsAnswer> {
  const { address, since } = parseDocumentAddress(kind, request.query, request.site);
  const preconditions = {
    ifMatch: request.headers["if-match"],
    ifNoneMatch: request.headers["if-none-match"],
  };
  switch (request.method) {
    case "GET":
    case "HEAD": {
      if (address.documentId === undefined) {
        const ids = await listDocumentIds(context.tenant, address, since);
        return { status: 200, body: ids };
      }
      if (since) throw invalid("since is for the list of ids");
      const document = await getDocument(context.tenant, address);
      if (!document) throw new XapiError(404, "no such document");
      return {
        status: 200,
        headers: {
          "content-type": document.contentType,
          etag: document.etag,
          "last-modified": document.updatedAt.toUTCString(),
        },
        body: document.content,
      };
    }
    case "PUT":
    case "POST":
      if (since) throw invalid("since is for the list of ids");
      await writeDocument(context.tenant, address, {
        mode: request.method === "PUT" ? "put" : "post",
        content: request.body,
        contentType: request.headers["content-type"] ?? "application/octet-stream",
        preconditions,
        version: request.version,
        now: request.now,
      });
      return { status: 204 };
    case "DELETE":
      if (since) throw invalid("since is for the list of ids");
      await deleteDocuments(context.tenant, address, preconditions, request.version);
      return { status: 204 };
    default:
      throw new XapiError(405, "method not allowed");
  }
}

function readOnly(request: LrsRequest): void {
  if (request.method !== "GET" && request.method !== "HEAD") throw new XapiError(405, "method not allowed");
}

function parseJsonParameter(value: string | undefined, name: string): Json {
  if (value === undefined) throw invalid(`${name} is required`);
  try {
    return JSON.parse(value) as Json;
  } catch {
    throw invalid(`${name} must be JSON`);
  }
}

/** Agents resource: the Person object for an agent (all this LRS knows is the identifier asked). */
export function handleAgents(request: LrsRequest, _context: LrsContext): LrsAnswer {
  readOnly(request);
  const { agent, ...rest } = request.query;
  if (Object.keys(rest).length) throw invalid("the agents resource takes only agent");
  const parsed = parseJsonParameter(agent, "agent");
  checkActor(parsed, "agent");
  if (isObject(parsed) && parsed.objectType === "Group") checkAgent(parsed, "agent");
  const person: JsonObject = { objectType: "Person" };
  const source = parsed as JsonObject;
  if (typeof source.name === "string") person.name = [source.name];
  if (source.mbox !== undefined) person.mbox = [source.mbox];
  if (source.mbox_sha1sum !== undefined) person.mbox_sha1sum = [source.mbox_sha1sum];
  if (source.openid !== undefined) person.openid = [source.openid];
  if (source.account !== undefined) person.account = [source.account];
  return { status: 200, body: person };
}

/** Activities resource: the activity's definition as last stated in this organisation. */
export async function handleActivities(request: LrsRequest, context: LrsContext): Promise<LrsAnswer> {
  readOnly(request);
  const { activityId, ...rest } = request.query;
  if (Object.keys(rest).length) throw invalid("the activities resource takes only activityId");
  if (!isIri(activityId)) throw invalid("activityId must be an IRI");
  const t = xapiStatements;
  // The latest statements about the activity, merged: each may describe it in another language.
  const rows = await context.tenant
    .select(t, { statement: t.statement }, and(eq(t.objectId, activityId)))
    .orderBy(desc(t.stored), desc(t.seq))
    .limit(50);
  const definitions = rows
    .map((r) => (isObject(r.statement.object) ? (r.statement.object as JsonObject).definition : undefined))
    .filter(isObject)
    .reverse();
  const activity: JsonObject = { objectType: "Activity", id: activityId };
  if (definitions.length) activity.definition = definitions.reduce(mergeDefinition, {});
  return { status: 200, body: activity };
}

function mergeDefinition(into: JsonObject, next: JsonObject): JsonObject {
  const merged: JsonObject = { ...into, ...next };
  for (const key of ["name", "description"])
    if (isObject(into[key]) && isObject(next[key])) merged[key] = { ...into[key], ...next[key] };
  return merged;
}

/** About: the versions this LRS speaks; no credentials needed. */
export function handleAbout(request: LrsRequest): LrsAnswer {
  readOnly(request);
  return { status: 200, body: { version: ["1.0.3", "2.0.0"] } };
}
