import { findHostileInput } from "../../http/input-guard.ts";
import type { LrsAnswer, LrsContext, LrsRequest } from "./lrs-http.ts";
import { type Json, type JsonObject, isObject, isUuid } from "./formats.ts";
import { boundaryOf, buildMultipart, parseMultipart } from "./multipart.ts";
import { acceptedLanguages, formatStatement } from "./statement-format.ts";
import { findStatements, parseStatementQuery, type StatementQuery } from "./statements-query.ts";
import {
  type AttachmentPart,
  attachmentsByHash,
  findStatement,
  sha256,
  storeStatements,
} from "./statements-store.ts";
import { XapiError, invalid } from "./xapi-errors.ts";

/** The Statement resource: POST (one or many, JSON or multipart with attachments), PUT by id, GET. */
export async function handleStatements(request: LrsRequest, context: LrsContext): Promise<LrsAnswer> {
  switch (request.method) {
    case "POST":
      return postStatements(request, context);
    case "PUT":
      return putStatement(request, context);
    case "GET":
    case "HEAD":
      return getStatements(request, context);
    default:
      throw new XapiError(405, "method not allowed");
  }
}

function parseJson(body: Buffer): Json {
  let value: Json;
  try {
    value = JSON.parse(body.toString("utf8")) as Json;
  } catch {
    throw invalid("the body is not JSON");
  }
  // What PostgreSQL cannot store (NUL, lone surrogates) is refused here, not by the database.
  if (findHostileInput({ body: value }).length)
    throw invalid("the body holds characters that cannot be stored");
  return value;
}

const mediaType = (header: string | undefined) => (header ?? "").split(";")[0]!.trim().toLowerCase();

/** The statements and attachment parts of a POST or PUT body. */
function readBody(request: LrsRequest): { statements: Json; parts: AttachmentPart[] } {
  const type = mediaType(request.headers["content-type"]);
  if (type === "application/json") return { statements: parseJson(request.body), parts: [] };
  if (type !== "multipart/mixed") throw invalid("statements come as application/json or multipart/mixed");
  const [first, ...rest] = parseMultipart(request.body, boundaryOf(request.headers["content-type"] ?? ""));
  if (!first || mediaType(first.headers["content-type"]) !== "application/json")
    throw invalid("the first part must be the statements as application/json");
  const parts = rest.map((part) => {
    const sha2 = part.headers["x-experience-api-hash"];
    if (!sha2) throw invalid("each attachment part needs X-Experience-API-Hash");
    if ((part.headers["content-transfer-encoding"] ?? "").toLowerCase() !== "binary")
      throw invalid("each attachment part needs Content-Transfer-Encoding: binary");
    if (sha256(part.body) !== sha2.toLowerCase()) throw invalid("an attachment does not match its hash");
    return {
      sha2: sha2.toLowerCase(),
      contentType: part.headers["content-type"] ?? "application/octet-stream",
      content: part.body,
    };
  });
  return { statements: parseJson(first.body), parts };
}

async function postStatements(request: LrsRequest, context: LrsContext): Promise<LrsAnswer> {
  if (Object.keys(request.query).length) throw invalid("POST /statements takes no parameters");
  const { statements, parts } = readBody(request);
  const list = Array.isArray(statements) ? statements : [statements];
  await askLaunchGuard(context, list);
  const ids = await storeStatements(context.tenant, list, storeContext(request, context, parts));
  await tellLaunchListener(request, context, list);
  return { status: 200, body: ids };
}

/** Statements from a launched AU may break the LMS's rules (cmi5): refused with 403 before storing. */
async function askLaunchGuard(context: LrsContext, sent: unknown[]): Promise<void> {
  if (context.caller.kind !== "launch" || !context.beforeLaunchStatements) return;
  if (!sent.every(isObject)) return;
  const refusal = await context.beforeLaunchStatements(context.tenant, context.caller, sent as JsonObject[]);
  if (refusal) throw new XapiError(403, refusal);
}

/** Statements from a launched AU, once stored, go to the LMS side (cmi5 moveOn). */
async function tellLaunchListener(request: LrsRequest, context: LrsContext, sent: unknown[]): Promise<void> {
  if (context.caller.kind !== "launch" || !context.afterLaunchStatements) return;
  await context.afterLaunchStatements(context.tenant, context.caller, sent as JsonObject[], request.now);
}

const storeContext = (request: LrsRequest, context: LrsContext, parts: AttachmentPart[]) => ({
  site: request.site,
  now: request.now,
  version: request.version,
  caller: context.caller,
  parts,
});

async function putStatement(request: LrsRequest, context: LrsContext): Promise<LrsAnswer> {
  const { statementId, ...rest } = request.query;
  if (Object.keys(rest).length) throw invalid("PUT /statements takes only statementId");
  if (!isUuid(statementId)) throw invalid("statementId must be a UUID");
  const { statements, parts } = readBody(request);
  if (!isObject(statements)) throw invalid("PUT takes one statement");
  if (statements.id !== undefined && String(statements.id).toLowerCase() !== statementId.toLowerCase())
    throw invalid("the statement's id differs from statementId");
  await askLaunchGuard(context, [{ ...statements, id: statementId }]);
  await storeStatements(
    context.tenant,
    [{ ...statements, id: statementId }],
    storeContext(request, context, parts),
  );
  await tellLaunchListener(request, context, [{ ...statements, id: statementId }]);
  return { status: 204 };
}

function consistentThrough(now: Date) {
  return { "x-experience-api-consistent-through": now.toISOString() };
}

async function withAttachments(
  request: LrsRequest,
  context: LrsContext,
  json: unknown,
  statements: JsonObject[],
  wanted: boolean,
): Promise<LrsAnswer> {
  if (!wanted) return { status: 200, body: json };
  const hashes = statements.flatMap((s) =>
    Array.isArray(s.attachments)
      ? s.attachments.flatMap((a) => (isObject(a) && typeof a.sha2 === "string" ? [a.sha2] : []))
      : [],
  );
  const found = await attachmentsByHash(context.tenant, [...new Set(hashes)]);
  const multipart = buildMultipart(json, found);
  return { status: 200, headers: { "content-type": multipart.contentType }, body: multipart.body };
}

async function getOneStatement(request: LrsRequest, context: LrsContext): Promise<LrsAnswer> {
  const { statementId, voidedStatementId, format = "exact", attachments, ...rest } = request.query;
  if (statementId !== undefined && voidedStatementId !== undefined)
    throw invalid("statementId or voidedStatementId, not both");
  if (Object.keys(rest).length) throw invalid("a statement id query takes only format and attachments");
  const id = statementId ?? voidedStatementId ?? "";
  if (!isUuid(id)) throw invalid("the statement id must be a UUID");
  if (format !== "exact" && format !== "ids" && format !== "canonical") throw invalid("format is unknown");
  if (attachments !== undefined && attachments !== "true" && attachments !== "false")
    throw invalid("attachments must be true or false");
  const found = await findStatement(context.tenant, id);
  if (!found || found.voided !== (voidedStatementId !== undefined))
    throw new XapiError(404, "no such statement");
  const statement = formatStatement(
    found.statement as JsonObject,
    format,
    acceptedLanguages(request.headers["accept-language"]),
  );
  const answer = await withAttachments(request, context, statement, [statement], attachments === "true");
  const stored = typeof statement.stored === "string" ? new Date(statement.stored).toUTCString() : undefined;
  return {
    ...answer,
    headers: {
      ...answer.headers,
      ...consistentThrough(request.now),
      ...(stored ? { "last-modified": stored } : {}),
    },
  };
}

/** `more` carries the query and where the page stopped, so the next page is the same query continued. */
function moreLink(query: Record<string, string>, next: { stored: string; seq: number }): string {
  const params = new URLSearchParams({
    ...query,
    more: Buffer.from(JSON.stringify(next)).toString("base64url"),
  });
  return `/xapi/statements?${params.toString()}`;
}

function readCursor(value: string): StatementQuery["after"] {
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as {
      stored?: unknown;
      seq?: unknown;
    };
    if (
      typeof parsed.stored === "string" &&
      !Number.isNaN(Date.parse(parsed.stored)) &&
      Number.isSafeInteger(parsed.seq)
    )
      return { stored: parsed.stored, seq: parsed.seq as number };
  } catch {
    // refused below
  }
  throw invalid("more is not a link this LRS gave");
}

async function getStatements(request: LrsRequest, context: LrsContext): Promise<LrsAnswer> {
  if (request.query.statementId !== undefined || request.query.voidedStatementId !== undefined)
    return getOneStatement(request, context);
  const { more, ...params } = request.query;
  const query = { ...parseStatementQuery(params), after: more === undefined ? undefined : readCursor(more) };
  const { statements, next } = await findStatements(context.tenant, query);
  const languages = acceptedLanguages(request.headers["accept-language"]);
  const formatted = statements.map((s) => formatStatement(s, query.format, languages));
  const json = { statements: formatted, more: next ? moreLink(params, next) : "" };
  const answer = await withAttachments(request, context, json, formatted, query.attachments);
  const latest = formatted
    .map((s) => String(s.stored))
    .sort()
    .at(-1);
  return {
    ...answer,
    headers: {
      ...answer.headers,
      ...consistentThrough(request.now),
      ...(latest ? { "last-modified": new Date(latest).toUTCString() } : {}),
    },
  };
}
