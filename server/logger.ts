import pino, { type Logger } from "pino";

/** Cookies, credentials and link tokens never reach a log line. */
const redact = [
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  "*.password",
  "*.token",
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A path segment that looks like a secret: long, random-looking, not an id (the calendar feed's address). */
const SECRET_SEGMENT = /^[A-Za-z0-9_-]{20,}(\.[a-z]+)?$/;

/** The address without secrets in it: secret-looking path segments and every query value are withheld. */
export function redactUrl(url: string): string {
  const [path = "", query] = url.split("?", 2);
  const safePath = path
    .split("/")
    .map((segment) => (SECRET_SEGMENT.test(segment) && !UUID.test(segment) ? "[secret]" : segment))
    .join("/");
  if (query === undefined) return safePath;
  const names = query.split("&").map((pair) => `${pair.split("=", 1)[0]}=…`);
  return `${safePath}?${names.join("&")}`;
}

interface RequestLike {
  method?: string;
  url?: string;
  ip?: string;
}

interface ErrorLike {
  name?: string;
  message?: string;
  stack?: string;
  code?: unknown;
  statusCode?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  cause?: unknown;
}

/**
 * Database errors repeat the statement's parameters ("params: …" from Drizzle) and quote offending
 * values (PostgreSQL's "invalid input syntax: \"…\"", "Key (email)=(…)"): names, emails and answers.
 * Keep what locates the fault (the statement, SQLSTATE, constraint, table, column), drop the values.
 */
export function scrubMessage(text: string): string {
  return text
    .replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/g, "\nparams: [withheld]")
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\(([^()]*)\)=\(([^()]*)\)/g, "($1)=(…)");
}

export function serializeError(error: unknown, depth = 0): Record<string, unknown> | undefined {
  if (!error || typeof error !== "object" || depth > 3) return undefined;
  const e = error as ErrorLike;
  return {
    type: e.name ?? error.constructor?.name,
    message: e.message === undefined ? undefined : scrubMessage(String(e.message)),
    stack: e.stack === undefined ? undefined : scrubMessage(String(e.stack)),
    code: e.code,
    statusCode: e.statusCode,
    constraint: e.constraint,
    table: e.table,
    column: e.column,
    cause: serializeError(e.cause, depth + 1),
  };
}

const serializers = {
  req: (request: RequestLike) => ({
    method: request.method,
    url: request.url === undefined ? undefined : redactUrl(request.url),
    remoteAddress: request.ip,
  }),
  err: serializeError,
};

/** `destination` is for tests that read what would be logged. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return destination
    ? pino({ level, redact, serializers }, destination)
    : pino({ level, redact, serializers });
}
