import { createHash, randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { xapiAttachments, xapiStatements } from "../../db/schema/index.ts";
import type { Tenant } from "../../db/tenant.ts";
import { agentKey, objectAgentKey, personOfAgent, relatedOf } from "./agents.ts";
import { type Json, type JsonObject, canonicalJson, isObject, parseTimestamp } from "./formats.ts";
import { knownPersons } from "./known-persons.ts";
import { checkSignature } from "./signatures.ts";
import { type XapiVersion, validateStatement } from "./statement-validation.ts";
import { insertStatementRows, rowKey, writeStatementRows } from "./statement-writer.ts";
import { XapiError, invalid } from "./xapi-errors.ts";

/** Who sends statements: a client's credentials, the only authority the LRS knows. */
export interface XapiCaller {
  clientId: string;
  key: string;
  kind: "client" | "launch";
  /** A launch credential speaks only for this actor (an agent identifier, agents.ts). */
  actorKey: string | null;
  personId: string | null;
  /** A launch credential speaks only within this registration (cmi5 §9.3). */
  registration?: string | null;
}

/** One part of a multipart/mixed request after the statements: an attachment's bytes. */
export interface AttachmentPart {
  sha2: string;
  contentType: string;
  content: Buffer;
}

export interface StoreContext {
  site: string;
  now: Date;
  version: XapiVersion;
  caller: XapiCaller;
  parts: AttachmentPart[];
}

const VOIDED = "http://adlnet.gov/expapi/verbs/voided";

/** The authority the LRS stamps on what a client stores: the client, as an account on this installation. */
export const authorityOf = (site: string, key: string): JsonObject => ({
  objectType: "Agent",
  account: { homePage: site, name: key },
});

/** What two statements with the same id must agree on (the properties the LRS sets are left out). */
const comparable = (statement: JsonObject) => {
  const { authority: _a, stored: _s, version: _v, ...rest } = statement;
  return canonicalJson(rest);
};

/** Context activities are returned as arrays even when one was sent as an object (Data 2.4.6.2). */
function withActivityArrays(statement: JsonObject): JsonObject {
  const out = { ...statement };
  if (isObject(out.context) && isObject(out.context.contextActivities)) {
    const lists = Object.entries(out.context.contextActivities).map(([k, v]) => [
      k,
      Array.isArray(v) ? v : [v],
    ]);
    out.context = { ...out.context, contextActivities: Object.fromEntries(lists) as JsonObject };
  }
  if (isObject(out.object) && out.object.objectType === "SubStatement")
    out.object = withActivityArrays(out.object);
  return out;
}

function complete(sent: JsonObject, context: StoreContext): JsonObject {
  const stored = context.now.toISOString();
  return {
    ...withActivityArrays(sent),
    id: typeof sent.id === "string" ? sent.id.toLowerCase() : randomUUID(),
    timestamp: typeof sent.timestamp === "string" ? sent.timestamp : stored,
    stored,
    authority: authorityOf(context.site, context.caller.key),
    version: typeof sent.version === "string" ? sent.version : context.version === "2.0" ? "2.0.0" : "1.0.0",
  };
}

function checkCaller(statement: JsonObject, caller: XapiCaller): void {
  if (caller.kind !== "launch") return;
  if (agentKey(statement.actor) !== caller.actorKey)
    throw new XapiError(403, "these launch credentials speak only for the launched learner");
  if ((statement.verb as JsonObject).id === VOIDED)
    throw new XapiError(403, "launch credentials cannot void statements");
  const registration = isObject(statement.context) ? statement.context.registration : undefined;
  if (caller.registration && String(registration ?? "").toLowerCase() !== caller.registration)
    throw new XapiError(403, "these launch credentials speak only within the launched registration");
}

/** Each declared attachment without a fileUrl must come as a part, and each part must be declared. */
function checkParts(statements: JsonObject[], parts: AttachmentPart[]): void {
  const declared = new Set<string>();
  for (const statement of statements) {
    const list = Array.isArray(statement.attachments) ? (statement.attachments as JsonObject[]) : [];
    for (const attachment of list) {
      const sha2 = String(attachment.sha2);
      declared.add(sha2);
      if (attachment.fileUrl === undefined && !parts.some((p) => p.sha2 === sha2))
        throw invalid("an attachment without fileUrl was not sent");
    }
  }
  for (const part of parts)
    if (!declared.has(part.sha2)) throw invalid("a part matches no declared attachment");
}

function rowOf(statement: JsonObject, context: StoreContext, personId: string | null) {
  const related = relatedOf(statement);
  const object = statement.object as JsonObject;
  const ctx = isObject(statement.context) ? statement.context : {};
  return {
    id: statement.id as string,
    personId,
    objectAgentKey: objectAgentKey(statement),
    verb: (statement.verb as JsonObject).id as string,
    objectId: (object.objectType ?? "Activity") === "Activity" ? (object.id as string) : null,
    targetStatementId: object.objectType === "StatementRef" ? (object.id as string).toLowerCase() : null,
    registration: typeof ctx.registration === "string" ? ctx.registration : null,
    relatedActivities: related.activities,
    relatedAgents: related.agents,
    clientId: context.caller.clientId,
    statement,
    timestamp: parseTimestamp(statement.timestamp as string),
    stored: context.now,
  };
}

/**
 * Stores statements (one request's worth) in one transaction: all or none. Returns their ids in the
 * order sent. A statement whose id is stored already is accepted when it is the same statement, and
 * refused with 409 when it differs (statements are immutable). Voiding marks the target voided.
 */
export async function storeStatements(
  tenant: Tenant,
  sent: Json[],
  context: StoreContext,
): Promise<string[]> {
  if (sent.length === 0) throw invalid("no statements");
  const checked = sent.map((s) => validateStatement(s, context.version));
  for (const statement of checked) checkCaller(statement, context.caller);
  checkParts(checked, context.parts);
  checked.forEach((statement) => checkSignature(statement, context.parts));
  const statements = checked.map((s) => complete(s, context));
  const ids = statements.map((s) => s.id as string);
  if (new Set(ids).size !== ids.length) throw invalid("two statements in one request have the same id");
  // Launch credentials belong to a person already; other accounts are checked against the organisation.
  const candidates = statements.map((s) => context.caller.personId ?? personOfAgent(s.actor, context.site));
  const known = context.caller.personId
    ? new Set([context.caller.personId])
    : await knownPersons(tenant, candidates);
  const personOf = (index: number) => (known.has(candidates[index] ?? "") ? candidates[index]! : null);
  const rows = statements.map((s, index) => tenant.row(rowOf(s, context, personOf(index))));
  if (canWriteTogether(sent, statements, context)) {
    const inserted = await writeStatementRows(tenant.db, rows);
    await checkSame(tenant, statements, inserted);
  } else
    await tenant.transaction(async (tx) => {
      await checkSame(tx, statements, await insertStatementRows(tx.db, rows));
      // After the insert, so a target sent in the same batch (as forwarding sends them) is voided too.
      await voidTargets(tx, statements);
      await storeParts(tx, context.parts);
    });
  return ids;
}

/**
 * A request may be written together with others (statement-writer.ts) when its one INSERT is all it
 * needs: no voiding and no attachments to store beside it, and either one statement or only ids the
 * LRS made (new random UUIDs cannot be stored already). Statements sent with their own ids can meet
 * one stored before, and a conflict in one of several must leave the others unstored: a transaction.
 */
function canWriteTogether(sent: Json[], statements: JsonObject[], context: StoreContext): boolean {
  if (context.parts.length > 0 || statements.some(isVoiding)) return false;
  return statements.length === 1 || sent.every((s) => isObject(s) && s.id === undefined);
}

/** The statements not inserted (their id was stored already) must be the same as the stored ones. */
async function checkSame(tx: Tenant, statements: JsonObject[], inserted: Set<string>): Promise<void> {
  const existing = statements.filter((s) => !inserted.has(rowKey(tx.organisationId, s.id as string)));
  if (existing.length === 0) return;
  const rows = await tx.select(
    xapiStatements,
    { id: xapiStatements.id, statement: xapiStatements.statement },
    inArray(
      xapiStatements.id,
      existing.map((s) => s.id as string),
    ),
  );
  const byId = new Map(rows.map((r) => [r.id, r.statement as JsonObject]));
  for (const statement of existing) {
    const stored = byId.get(statement.id as string);
    if (!stored || comparable(stored) !== comparable(statement))
      throw new XapiError(409, `statement ${String(statement.id)} exists with other content`);
  }
}

const isVoiding = (s: JsonObject) => (s.verb as JsonObject).id === VOIDED;

/** Voiding statements mark their targets; a voiding statement itself cannot be voided. */
async function voidTargets(tx: Tenant, statements: JsonObject[]): Promise<void> {
  const targets = statements
    .filter((s) => (s.verb as JsonObject).id === VOIDED)
    .map((s) => String((s.object as JsonObject).id).toLowerCase());
  if (targets.length === 0) return;
  const rows = await tx.select(
    xapiStatements,
    { id: xapiStatements.id, verb: xapiStatements.verb },
    inArray(xapiStatements.id, targets),
  );
  const inBatch = statements.filter((s) => targets.includes(s.id as string));
  if (rows.some((r) => r.verb === VOIDED) || inBatch.some((s) => (s.verb as JsonObject).id === VOIDED))
    throw invalid("a voiding statement cannot be voided");
  await tx.db
    .update(xapiStatements)
    .set({ voided: true })
    .where(tx.where(xapiStatements, inArray(xapiStatements.id, targets)));
}

async function storeParts(tx: Tenant, parts: AttachmentPart[]): Promise<void> {
  if (parts.length === 0) return;
  const unique = new Map(parts.map((p) => [p.sha2, p]));
  await tx.db
    .insert(xapiAttachments)
    .values([...unique.values()].map((p) => tx.row(p)))
    .onConflictDoNothing();
}

/** Attachment contents by hash, for `attachments=true`. */
export async function attachmentsByHash(tenant: Tenant, hashes: string[]): Promise<AttachmentPart[]> {
  if (hashes.length === 0) return [];
  return tenant.select(
    xapiAttachments,
    {
      sha2: xapiAttachments.sha2,
      contentType: xapiAttachments.contentType,
      content: xapiAttachments.content,
    },
    inArray(xapiAttachments.sha2, hashes),
  );
}

/** The SHA-256 of a part, as `X-Experience-API-Hash` names it. */
export const sha256 = (content: Buffer) => createHash("sha256").update(content).digest("hex");

/** One stored statement by id (voided or not), for PUT's conflict check and GET by id. */
export async function findStatement(tenant: Tenant, id: string) {
  const [row] = await tenant.select(
    xapiStatements,
    { statement: xapiStatements.statement, voided: xapiStatements.voided },
    and(eq(xapiStatements.id, id.toLowerCase())),
  );
  return row ?? null;
}
