import type { XapiForwardingProblem } from "../../db/schema/index.ts";
import { buildMultipart } from "./multipart.ts";
import type { AttachmentPart } from "./statements-store.ts";

/**
 * The wire to an external LRS (decision 0035): a POST of one batch of statements and a GET of `/about`.
 * Every answer becomes an outcome the forwarder acts on; nothing here throws for what the other side does.
 */

export interface ForwardTarget {
  endpoint: string;
  key: string;
  secret: string;
}

export type ProblemCode = XapiForwardingProblem["code"];

export type SendOutcome =
  | { kind: "delivered" }
  /** Worth trying again later: the network, a 5xx or 429. */
  | { kind: "retry"; code: ProblemCode; status: number | null; detail: string | null }
  /** The external LRS will not take this batch as it is (a 4xx other than 409/429). */
  | { kind: "refused"; code: ProblemCode; status: number; detail: string | null };

const TIMEOUT_MS = 15_000;
const DETAIL_CHARS = 200;

/** The endpoint with one trailing slash, so resources are appended the same way whatever was typed. */
const base = (endpoint: string) => endpoint.replace(/\/*$/, "/");

const authorization = (target: ForwardTarget) =>
  `Basic ${Buffer.from(`${target.key}:${target.secret}`).toString("base64")}`;

/** A statement of xAPI 2.0 is sent with that version; otherwise 1.0.3, which every LRS speaks. */
const versionFor = (statements: readonly Record<string, unknown>[]) =>
  statements.some((s) => typeof s.version === "string" && s.version.startsWith("2")) ? "2.0.0" : "1.0.3";

/** The other side's words, short and on one line: shown to the coordinator, so never long or raw. */
async function detailOf(response: Response): Promise<string | null> {
  const text = (await response.text().catch(() => "")).replace(/\s+/g, " ").trim();
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as { message?: unknown; error?: unknown; detail?: unknown };
    const message = parsed.message ?? parsed.detail ?? parsed.error;
    if (typeof message === "string") return message.slice(0, DETAIL_CHARS);
  } catch {
    // Not JSON: the text itself.
  }
  return text.slice(0, DETAIL_CHARS);
}

/** What an HTTP status means for a batch: 409 is "already there" (statements are immutable). */
async function outcomeOf(response: Response): Promise<SendOutcome> {
  const { status } = response;
  if (status < 300 || status === 409) {
    await response.body?.cancel();
    return { kind: "delivered" };
  }
  const detail = await detailOf(response);
  if (status === 429) return { kind: "retry", code: "busy", status, detail };
  if (status >= 500) return { kind: "retry", code: "server-error", status, detail };
  const code = status === 401 || status === 403 ? "credentials-refused" : "statements-refused";
  return { kind: "refused", code, status, detail };
}

const unreachable = (error: unknown): SendOutcome => ({
  kind: "retry",
  code: "unreachable",
  status: null,
  // The error's name only (a timeout, a refused connection): its message may carry the address.
  detail: error instanceof Error ? ((error.cause as { code?: string })?.code ?? error.name) : null,
});

/**
 * Posts one batch, in the order given, as one array (the external LRS stores it all or none). An
 * attachment sent here as bytes (a signed statement always has one) goes along as a part, as it came:
 * without it the other LRS would refuse the batch.
 */
export async function postStatements(
  target: ForwardTarget,
  statements: readonly Record<string, unknown>[],
  attachments: readonly AttachmentPart[] = [],
): Promise<SendOutcome> {
  const { contentType, body } =
    attachments.length > 0
      ? buildMultipart(statements, attachments)
      : { contentType: "application/json", body: JSON.stringify(statements) };
  try {
    const response = await fetch(`${base(target.endpoint)}statements`, {
      method: "POST",
      headers: {
        authorization: authorization(target),
        "content-type": contentType,
        "x-experience-api-version": versionFor(statements),
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "error",
    });
    return await outcomeOf(response);
  } catch (error) {
    return unreachable(error);
  }
}

export type AboutOutcome =
  | { ok: true; versions: string[] }
  | { ok: false; code: ProblemCode | "not-an-lrs"; status: number | null; detail: string | null };

/** "Test connection": the external `/about` answers with the versions it speaks, with our credentials. */
export async function checkAbout(target: ForwardTarget): Promise<AboutOutcome> {
  let response: Response;
  try {
    response = await fetch(`${base(target.endpoint)}about`, {
      headers: { authorization: authorization(target), "x-experience-api-version": "1.0.3" },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "error",
    });
  } catch (error) {
    const failed = unreachable(error);
    return {
      ok: false,
      code: "unreachable",
      status: null,
      detail: "detail" in failed ? failed.detail : null,
    };
  }
  if (!response.ok) {
    const outcome = await outcomeOf(response);
    const code = outcome.kind === "delivered" ? "not-an-lrs" : outcome.code;
    const detail = outcome.kind === "delivered" ? null : outcome.detail;
    return { ok: false, code, status: response.status, detail };
  }
  const body = (await response.json().catch(() => null)) as { version?: unknown } | null;
  const versions = Array.isArray(body?.version) ? body.version.filter((v) => typeof v === "string") : [];
  if (versions.length === 0) return { ok: false, code: "not-an-lrs", status: response.status, detail: null };
  return { ok: true, versions };
}
