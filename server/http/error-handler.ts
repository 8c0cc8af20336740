import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { HelmetOptions } from "helmet";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ZodFastifySchemaValidationError } from "fastify-type-provider-zod";
import type { core } from "zod";
import type { ErrorCode, FieldProblem, ProblemBody } from "../../common/errors.ts";
import { errorStatus } from "../../common/errors.ts";
import { defaultLocale, negotiateLocale } from "../../common/locales.ts";
import { AppError } from "../errors.ts";
import { translator, type Translate } from "../i18n.ts";
import { applySecurityHeaders } from "./security-headers.ts";

type Issue = core.$ZodIssue;

/** Messages our own refinements use as codes (schemas say `.refine(..., "invalid_date")`). */
const knownCustomCodes = new Set([
  "invalid_time_zone",
  "invalid_date",
  "model_answer_required",
  "open_practice_only",
  "options_too_few",
  "no_correct_option",
  "situation_required",
  "attachment_type",
  "tier_not_for_instrument",
  "activity_required",
]);

function sizeCode(origin: unknown, array: string, number: string, text: string): string {
  if (origin === "array" || origin === "set") return array;
  if (origin === "number" || origin === "bigint" || origin === "int") return number;
  return text;
}

/** Turns one zod issue into a localised message that names the field. */
export function describeIssue(t: Translate, field: string, issue: Issue): FieldProblem {
  const label = t(`fields.${field}`, { defaultValue: field });
  const raw = issue as unknown as Record<string, unknown>;
  let code: string;
  // A schema that tells "missing" from "not a number" says so in its message (the flattened issue has no input).
  if (issue.code === "invalid_type" && issue.message === "not_a_number") code = "not_a_number";
  else if (issue.code === "invalid_type" && raw.input === undefined) code = "required";
  else if (issue.code === "too_small" && raw.origin === "string" && raw.minimum === 1) code = "required";
  else if (issue.code === "too_small")
    code = sizeCode(raw.origin, "too_few", "number_too_small", "too_short");
  else if (issue.code === "too_big") code = sizeCode(raw.origin, "too_many", "number_too_large", "too_long");
  else if (issue.code === "invalid_format" && raw.format === "email") code = "invalid_email";
  else if (issue.code === "invalid_format")
    code = knownCustomCodes.has(issue.message) ? issue.message : "invalid_format";
  else if (issue.code === "invalid_value") code = "invalid_choice";
  else if (issue.code === "unrecognized_keys") code = "unknown_field";
  else if (issue.code === "invalid_type") code = "invalid_type";
  else if (issue.code === "custom") code = knownCustomCodes.has(issue.message) ? issue.message : "invalid";
  else code = "invalid";
  const message = t(`validation.${code}`, {
    field: label,
    minimum: raw.minimum as number,
    maximum: raw.maximum as number,
  });
  return { field, code, message };
}

/** fastify-type-provider-zod flattens each zod issue; put back what describeIssue needs. */
function issueOf(error: ZodFastifySchemaValidationError): Issue {
  return { ...error.params, code: error.keyword, message: error.message, path: [] } as unknown as Issue;
}

function fieldOf(error: ZodFastifySchemaValidationError): string {
  const first = error.instancePath.split("/").filter(Boolean)[0];
  if (first) return first;
  const keys = (error.params as { keys?: string[] }).keys;
  return keys?.[0] ?? "body";
}

function problem(
  request: FastifyRequest,
  code: ErrorCode,
  params: Record<string, string | number> = {},
  errors?: FieldProblem[],
): ProblemBody {
  const t = translator(request.locale);
  const status = errorStatus[code];
  const body: ProblemBody = {
    type: `https://beklijf.nl/problems/${code.toLowerCase().replaceAll("_", "-")}`,
    title: t(`errorTitles.${status >= 500 ? "server" : "client"}`),
    status,
    code,
    detail: t(`errors.${code}`, params),
    instance: request.url.split("?")[0],
    requestId: request.id,
  };
  if (errors?.length) body.errors = errors;
  return body;
}

function send(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.status(body.status).type("application/problem+json").send(body);
}

/** The one place that decides what an error looks like on the wire. No stack or SQL reaches a client. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const t = translator(request.locale);
      const fields = error.fields.map((f) => ({
        ...f,
        message: t(`validation.${f.code}`, { field: t(`fields.${f.field}`, { defaultValue: f.field }) }),
      }));
      const body = problem(request, error.code, error.params, fields);
      // A failed field says more than "some fields need attention": its message is the detail.
      const first = error.code === "VALIDATION_FAILED" ? fields[0] : undefined;
      return send(reply, first ? { ...body, detail: first.message } : body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const t = translator(request.locale);
      const fields = error.validation.map((v) => describeIssue(t, fieldOf(v), issueOf(v)));
      const first = fields[0];
      const detail = first ? { detail: first.message } : {};
      const body = problem(request, "VALIDATION_FAILED", {}, fields);
      return send(reply, { ...body, ...detail });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return send(reply, problem(request, "TOO_MANY_REQUESTS"));
    if (status === 413) return send(reply, problem(request, "PAYLOAD_TOO_LARGE"));
    if (status >= 400 && status < 500) {
      request.log.info({ code: error.code }, "rejected request");
      return send(reply, problem(request, "BAD_REQUEST"));
    }
    request.log.error({ err: error }, "unhandled error");
    return send(reply, problem(request, "INTERNAL"));
  });
}

/** Unknown API paths get a problem body; with a web app, other GETs get its index.html. */
export function registerNotFoundHandler(app: FastifyInstance, indexHtml: string | null): void {
  app.setNotFoundHandler((request, reply) => {
    if (
      indexHtml &&
      (request.method === "GET" || request.method === "HEAD") &&
      !request.url.startsWith("/api/")
    ) {
      return reply.type("text/html").header("cache-control", "no-cache").send(indexHtml);
    }
    return send(reply, problem(request, "NOT_FOUND"));
  });
}

/**
 * Fastify answers some requests before routing (a path that does not decode, a path parameter over the
 * router's limit). They get the same problem body, language and security headers as every other answer.
 */
export function frameworkErrorHandler(headers: HelmetOptions) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    request.locale = negotiateLocale(request.headers["accept-language"]) ?? defaultLocale;
    applySecurityHeaders(headers, { req: request.raw, res: reply.raw }, reply, request.url);
    request.log.info({ code: error.code }, "rejected address");
    return send(reply, { ...problem(request, "INVALID_ADDRESS"), instance: undefined });
  };
}
