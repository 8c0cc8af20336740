import { ApiError } from "./api.ts";

/** The server's message for one field, if the last request failed on it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}
