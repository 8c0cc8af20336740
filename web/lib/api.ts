import type { FieldProblem, ProblemBody } from "../../common/errors.ts";
import { currentLocale } from "./i18n.ts";
import { noteReached, noteUnreachable } from "./connection.ts";
import { Submissions } from "./submissions.ts";

const submissions = new Submissions();

/** A failed API call, carrying the server's localised problem details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];

  constructor(problem: Partial<Omit<ProblemBody, "code">> & { status: number; code?: string }) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.status = problem.status;
    this.code = problem.code ?? "INTERNAL";
    this.fields = problem.errors ?? [];
  }

  fieldMessage(field: string): string | undefined {
    // A form may name a nested field by its own name ("desiredRetention" inside "document").
    const named = (f: FieldProblem) =>
      f.path
        ?.split(".")
        .filter((part) => !/^\d+$/.test(part))
        .at(-1);
    return (this.fields.find((f) => f.field === field) ?? this.fields.find((f) => named(f) === field))
      ?.message;
  }
}

/**
 * The Idempotency-Key a write was (or will be) sent with: after a network failure, the key of that
 * failed send, so a copy kept on the device counts once even if the first send did reach the server.
 */
export function idempotencyKeyOf(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body: unknown) {
  return submissions.keyFor(method, path, body === undefined ? undefined : JSON.stringify(body));
}

/** Answers asked for at start (`askEarly`), by address, with the language and time they were asked in. */
const earlyAnswers = new Map<string, { locale: string; at: number; answer: Promise<unknown> }>();
/** An early answer no screen took within this time is not given to a later one: it may be out of date. */
const EARLY_ANSWER_MS = 10_000;

/**
 * Asks for `path` now: as the app starts, beside loading its code and language rather than after them
 * (on a slow phone connection each wait is a round trip of its own). The first GET of the same address
 * in the same language takes this answer, as if it had asked a moment earlier (a refusal too). Every
 * early answer not yet taken is dropped at the first write through the app (signing in or out among
 * them), so nothing read before a change is served after it.
 */
export function askEarly<T>(path: string): Promise<T> {
  const answer = api<T>("GET", path);
  earlyAnswers.set(path, { locale: currentLocale(), at: Date.now(), answer });
  // Its reader handles a refusal; until then it is not an unhandled rejection.
  answer.catch(() => undefined);
  return answer;
}

function takeEarlyAnswer(method: string, path: string): Promise<unknown> | undefined {
  if (method !== "GET") {
    earlyAnswers.clear();
    return undefined;
  }
  const early = earlyAnswers.get(path);
  earlyAnswers.delete(path);
  const fresh = early && Date.now() - early.at < EARLY_ANSWER_MS;
  return fresh && early.locale === currentLocale() ? early.answer : undefined;
}

/**
 * Calls the Beklijf API. The current UI language goes along as Accept-Language so that error
 * messages come back in the language on screen. A write kept on the device while offline brings its
 * own `idempotencyKey`, chosen when it was made, so sending it again after a lost answer counts once.
 */
export async function api<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  { idempotencyKey }: { idempotencyKey?: string } = {},
): Promise<T> {
  const early = takeEarlyAnswer(method, path);
  if (early) return early as Promise<T>;
  let response: Response;
  const text = body === undefined ? undefined : JSON.stringify(body);
  const writes = method !== "GET";
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        "Accept-Language": currentLocale(),
        Accept: "application/json",
        ...(text === undefined ? {} : { "Content-Type": "application/json" }),
        ...(writes ? { "Idempotency-Key": idempotencyKey ?? submissions.keyFor(method, path, text) } : {}),
      },
      body: text,
    });
  } catch {
    noteUnreachable();
    if (writes) submissions.keepAfterNetworkFailure(method, path, text);
    throw new ApiError({ status: 0, code: "NETWORK", detail: undefined });
  }
  noteReached();
  if (writes) submissions.answered(method, path);
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok) throw new ApiError({ ...(data as Partial<ProblemBody>), status: response.status });
  return data as T;
}
