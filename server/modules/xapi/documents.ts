import { createHash } from "node:crypto";
import { type SQL, eq, gt } from "drizzle-orm";
import { xapiDocuments } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { agentKey, personOfAgent } from "./agents.ts";
import { knownPersons } from "./known-persons.ts";
import { type Json, isIri, isObject, isTimestamp, isUuid, parseTimestamp } from "./formats.ts";
import { agent as checkAgent } from "./statement-validation.ts";
import type { XapiVersion } from "./statement-validation.ts";
import { XapiError, invalid } from "./xapi-errors.ts";

/**
 * The document resources (State, Activity Profile, Agent Profile): opaque documents a client keeps
 * per activity and/or agent, with ETag concurrency (RFC 7232 If-Match / If-None-Match) and JSON merge
 * on POST.
 */

export type DocumentKind = "state" | "activity-profile" | "agent-profile";

export interface DocumentAddress {
  kind: DocumentKind;
  activityId: string;
  agentKey: string;
  registration: string;
  /** The document's id; absent in a request for the list of ids, or a delete of all state. */
  documentId?: string;
  personId: string | null;
}

const ID_PARAMETER: Record<DocumentKind, string> = {
  state: "stateId",
  "activity-profile": "profileId",
  "agent-profile": "profileId",
};
const PARAMETERS: Record<DocumentKind, string[]> = {
  state: ["activityId", "agent", "registration", "stateId", "since"],
  "activity-profile": ["activityId", "profileId", "since"],
  "agent-profile": ["agent", "profileId", "since"],
};

function parseAgentParameter(value: string | undefined): Json {
  if (value === undefined) throw invalid("agent is required");
  let parsed: Json;
  try {
    parsed = JSON.parse(value) as Json;
  } catch {
    throw invalid("agent must be JSON");
  }
  checkAgent(parsed, "agent");
  return parsed;
}

/** Reads a document request's query string; `site` tells Beklijf's own people apart. */
export function parseDocumentAddress(kind: DocumentKind, query: Record<string, string>, site: string) {
  for (const name of Object.keys(query))
    if (!PARAMETERS[kind].includes(name)) throw invalid(`unknown parameter ${name}`);
  const usesActivity = kind !== "agent-profile";
  const usesAgent = kind !== "activity-profile";
  if (usesActivity && !isIri(query.activityId)) throw invalid("activityId must be an IRI");
  const agent = usesAgent ? parseAgentParameter(query.agent) : null;
  if (query.registration !== undefined && !isUuid(query.registration))
    throw invalid("registration must be a UUID");
  if (query.since !== undefined && !isTimestamp(query.since)) throw invalid("since must be a timestamp");
  const address: DocumentAddress = {
    kind,
    activityId: usesActivity ? (query.activityId ?? "") : "",
    agentKey: agent ? (agentKey(agent) ?? "") : "",
    registration: query.registration?.toLowerCase() ?? "",
    documentId: query[ID_PARAMETER[kind]],
    personId: agent ? personOfAgent(agent, site) : null,
  };
  return { address, since: query.since === undefined ? undefined : parseTimestamp(query.since) };
}

export interface Preconditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

const quoted = (etag: string) => `"${etag}"`;
const etagOf = (content: Buffer) => createHash("sha1").update(content).digest("hex");

function tags(header: string): string[] {
  return header.split(",").map((t) => t.trim().replace(/^W\//, ""));
}

/** RFC 7232: If-Match needs the current tag (or any for `*`), If-None-Match `*` needs no document. */
function checkPreconditions(
  current: string | null,
  given: Preconditions,
  putOrPost: "put" | "other",
  version: XapiVersion,
  kind: DocumentKind,
): void {
  if (given.ifMatch !== undefined) {
    const list = tags(given.ifMatch);
    if (current === null || !(list.includes("*") || list.includes(quoted(current))))
      throw new XapiError(412, "the document has changed (If-Match)");
  }
  if (given.ifNoneMatch !== undefined) {
    const list = tags(given.ifNoneMatch);
    if (current !== null && (list.includes("*") || list.includes(quoted(current))))
      throw new XapiError(412, "the document exists (If-None-Match)");
  }
  const concurrencyRequired = kind !== "state" || version === "2.0";
  // xAPI 1.0.3 asks a profile PUT to say what it expects even for a new document (If-None-Match: *).
  if (
    putOrPost === "put" &&
    current === null &&
    kind !== "state" &&
    version === "1.0" &&
    !given.ifMatch &&
    !given.ifNoneMatch
  )
    throw invalid("a profile PUT needs If-Match or If-None-Match");
  if (putOrPost === "put" && current !== null && concurrencyRequired && !given.ifMatch && !given.ifNoneMatch)
    throw new XapiError(409, "the document exists: send If-Match with its ETag, or If-None-Match: *");
}

function keyConditions(a: DocumentAddress): SQL[] {
  const d = xapiDocuments;
  const conditions = [eq(d.kind, a.kind), eq(d.activityId, a.activityId), eq(d.agentKey, a.agentKey)];
  if (a.kind === "state") conditions.push(eq(d.registration, a.registration));
  if (a.documentId !== undefined) conditions.push(eq(d.documentId, a.documentId));
  return conditions;
}

export async function getDocument(tenant: Tenant, address: DocumentAddress) {
  const [row] = await tenant.selectRows(xapiDocuments, ...keyConditions(address));
  return row
    ? { content: row.content, contentType: row.contentType, etag: quoted(row.etag), updatedAt: row.updatedAt }
    : null;
}

export async function listDocumentIds(
  tenant: Tenant,
  address: DocumentAddress,
  since?: Date,
): Promise<string[]> {
  const rows = await tenant.select(
    xapiDocuments,
    { documentId: xapiDocuments.documentId },
    ...keyConditions(address),
    since ? gt(xapiDocuments.updatedAt, since) : undefined,
  );
  return rows.map((r) => r.documentId);
}

const isJsonType = (contentType: string) =>
  contentType.split(";")[0]!.trim().toLowerCase() === "application/json";

function jsonObjectOf(content: Buffer): Record<string, Json> | null {
  try {
    const value: unknown = JSON.parse(content.toString("utf8"));
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

export interface DocumentWrite {
  mode: "put" | "post";
  content: Buffer;
  contentType: string;
  preconditions: Preconditions;
  version: XapiVersion;
  now: Date;
}

/** PUT replaces the document; POST merges a JSON object into the JSON object stored (top level). */
export async function writeDocument(
  tenant: Tenant,
  address: DocumentAddress,
  write: DocumentWrite,
): Promise<void> {
  if (address.documentId === undefined) throw invalid(`${ID_PARAMETER[address.kind]} is required`);
  await tenant.transaction(async (tx) => {
    const existing = await getDocument(tx, address);
    checkPreconditions(
      existing ? existing.etag.slice(1, -1) : null,
      write.preconditions,
      write.mode === "put" ? "put" : "other",
      write.version,
      address.kind,
    );
    let { content, contentType } = write;
    if (write.mode === "post" && existing) {
      const before = isJsonType(existing.contentType) ? jsonObjectOf(existing.content) : null;
      const after = isJsonType(contentType) ? jsonObjectOf(content) : null;
      if (!before || !after) throw invalid("only JSON objects can be merged (POST)");
      content = Buffer.from(JSON.stringify({ ...before, ...after }));
      contentType = "application/json";
    } else if (write.mode === "post" && isJsonType(contentType) && !jsonObjectOf(content))
      throw invalid("a POSTed JSON document must be an object");
    const values = { content, contentType, etag: etagOf(content), updatedAt: write.now };
    const known = await knownPersons(tx, [address.personId]);
    const personId = address.personId && known.has(address.personId) ? address.personId : null;
    await tx.db
      .insert(xapiDocuments)
      .values(tx.row({ ...address, personId, documentId: address.documentId!, ...values }))
      .onConflictDoUpdate({
        target: [
          xapiDocuments.organisationId,
          xapiDocuments.kind,
          xapiDocuments.activityId,
          xapiDocuments.agentKey,
          xapiDocuments.registration,
          xapiDocuments.documentId,
        ],
        set: values,
      });
  });
}

/** Deletes one document, or (State without stateId) all state of the activity and agent. */
export async function deleteDocuments(
  tenant: Tenant,
  address: DocumentAddress,
  preconditions: Preconditions,
  version: XapiVersion,
): Promise<void> {
  if (address.documentId === undefined && address.kind !== "state") throw invalid("profileId is required");
  await tenant.transaction(async (tx) => {
    if (address.documentId !== undefined) {
      const existing = await getDocument(tx, address);
      checkPreconditions(
        existing ? existing.etag.slice(1, -1) : null,
        preconditions,
        "other",
        version,
        address.kind,
      );
    }
    await tx.db.delete(xapiDocuments).where(tx.where(xapiDocuments, ...keyConditions(address)));
  });
}

/** The agent's profile ids list and the activity definition lookups use the same address shape. */
export const documentIdParameter = (kind: DocumentKind) => ID_PARAMETER[kind];
