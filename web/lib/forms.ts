import type { FormEvent } from "react";
import { ApiError } from "./api.ts";

/** The server's message for one field, if the last request failed on it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

/** An onSubmit handler that keeps the browser from posting the form and does `act` instead. */
export function onSubmitDo(act: () => void): (event: FormEvent) => void {
  return (event) => {
    event.preventDefault();
    act();
  };
}
