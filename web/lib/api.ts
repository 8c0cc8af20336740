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
