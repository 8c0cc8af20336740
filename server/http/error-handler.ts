import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { HelmetOptions } from "helmet";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ZodFastifySchemaValidationError } from "fastify-type-provider-zod";
import type { core } from "zod";
import type { ErrorCode, FieldProblem, ProblemBody } from "../../common/errors.ts";
import { errorStatus } from "../../common/errors.ts";
import { formatMegabytes, formatNumber, formatPercent } from "../../common/format.ts";
import { defaultLocale, negotiateLocale, type Locale } from "../../common/locales.ts";
import { MAX_ATTACHMENT_BYTES } from "../../common/schemas/peer-feedback.ts";
import { AppError } from "../errors.ts";
import { translator, type Translate } from "../i18n.ts";
import { applySecurityHeaders } from "./security-headers.ts";
import { sendWebAppPage, type WebAppPage } from "./web-app-page.ts";

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
  "no_working_days",
  "https_required",
]);

function sizeCode(origin: unknown, array: string, number: string, text: string): string {
  if (origin === "array" || origin === "set") return array;
  if (origin === "number" || origin === "bigint" || origin === "int") return number;
  return text;
}

/**
 * Fields the form shows in per cent. A share (0–1) such as the desired retention 0.7–0.97 is shown as
 * 70–97%, so its limits are written as percentages too; a "percent" field already holds 1–100.
 */
const shareFields = new Set(["desiredRetention", "theoryShare"]);
const percentFields = new Set(["passPercent", "targetPercent"]);
/**
 * Fields that carry a file as text: the user chose a file, so a limit is a size in MB, never a count of
 * characters. The number is what one character of the text is worth in bytes of the file.
 */
const fileFields = new Map<string, number>([
  ["data", 3 / 4], // base64: four characters carry three bytes
  ["csv", 1],
  ["content", 1],
]);

/** The label of the deepest named part of the path that has one ("document.desiredRetention"). */
function labelOf(t: Translate, field: string, path: readonly PropertyKey[]): { key: string; label: string } {
  const named = path.filter((part): part is string => typeof part === "string");
  for (const key of named.toReversed()) {
    if (t(`fields.${key}`, { defaultValue: "" })) return { key, label: t(`fields.${key}`) };
  }
  return { key: field, label: t(`fields.${field}`, { defaultValue: field }) };
}

function limitText(key: string, value: unknown, locale: Locale): string | undefined {
  if (typeof value !== "number" && typeof value !== "bigint") return undefined;
  const n = Number(value);
  if (shareFields.has(key)) return formatPercent(n, locale, 0);
  if (percentFields.has(key)) return formatPercent(n / 100, locale, 0);
  return formatNumber(n, locale, 2);
}

const isEmpty = (input: unknown): boolean =>
  input === undefined || input === null || (typeof input === "string" && input.trim() === "");

/**
 * Turns one zod issue into a localised message that names the field by the label the user sees, with
 * limits in the units the form shows. `field` is the top-level field the form places the message at.
 */
export function describeIssue(
  t: Translate,
  field: string,
  issue: Issue,
  locale: Locale = defaultLocale,
): FieldProblem {
  const path = issue.path.length ? issue.path : [field];
  const { key, label } = labelOf(t, field, path);
  const raw = issue as unknown as Record<string, unknown>;
  const fileBytes = fileFields.get(key);
  let code: string;
  let maximum = limitText(key, raw.maximum, locale);
  if (issue.code === "invalid_type" && issue.message === "not_a_number") code = "not_a_number";
  else if (issue.code === "invalid_type" && raw.input === undefined) code = "required";
  else if (issue.code === "too_small" && raw.origin === "string" && raw.minimum === 1) code = "required";
  else if (issue.code === "too_small")
    code = sizeCode(raw.origin, "too_few", "number_too_small", "too_short");
  else if (issue.code === "too_big" && raw.origin === "string" && fileBytes !== undefined) {
    code = "file_too_large";
    const bytes = key === "data" ? MAX_ATTACHMENT_BYTES : Number(raw.maximum) * fileBytes;
    maximum = formatMegabytes(bytes, locale);
  } else if (issue.code === "too_big")
    code = sizeCode(raw.origin, "too_many", "number_too_large", "too_long");
  else if (issue.code === "invalid_format" && raw.format === "email") code = "invalid_email";
  else if (issue.code === "invalid_format")
    code = knownCustomCodes.has(issue.message) ? issue.message : "invalid_format";
  else if (issue.code === "invalid_value") code = isEmpty(raw.input) ? "choose_one" : "invalid_choice";
  else if (issue.code === "unrecognized_keys") code = "unknown_field";
  else if (issue.code === "invalid_type") code = "invalid_type";
  else if (issue.code === "custom") code = knownCustomCodes.has(issue.message) ? issue.message : "invalid";
  else code = "invalid";
  const message = t(`validation.${code}`, {
    field: label,
    minimum: limitText(key, raw.minimum, locale),
    maximum,
  });
  const dotted = path.filter((part) => typeof part === "string" || typeof part === "number").join(".");
  return dotted && dotted !== field ? { field, path: dotted, code, message } : { field, code, message };
}

/** fastify-type-provider-zod flattens each zod issue; put back what describeIssue needs. */
function issueOf(error: ZodFastifySchemaValidationError): Issue {
  const path = error.instancePath
    .split("/")
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return { ...error.params, code: error.keyword, message: error.message, path } as unknown as Issue;
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
        message: t(`validation.${f.code}`, {
          ...error.params,
          field: t(`fields.${f.field}`, { defaultValue: f.field }),
        }),
      }));
      const body = problem(request, error.code, error.params, fields);
      // A failed field says more than "some fields need attention": its message is the detail.
      const first = error.code === "VALIDATION_FAILED" ? fields[0] : undefined;
      return send(reply, first ? { ...body, detail: first.message } : body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const t = translator(request.locale);
      const fields = error.validation.map((v) => describeIssue(t, fieldOf(v), issueOf(v), request.locale));
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
export function registerNotFoundHandler(app: FastifyInstance, page: WebAppPage | null): void {
  app.setNotFoundHandler((request, reply) => {
    if (page && (request.method === "GET" || request.method === "HEAD") && !request.url.startsWith("/api/")) {
      return sendWebAppPage(request, reply, page);
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
