import { type ErrorCode, errorStatus, type FieldProblem } from "../common/errors.ts";

/**
 * The one error type for expected failures. `code` is stable and sent to clients; the user message
 * comes from the catalogues (`errors.<code>`), with `params` as placeholders.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly fields: Omit<FieldProblem, "message">[];

  constructor(
    code: ErrorCode,
    message: string = code,
    params: Record<string, string | number> = {},
    fields: Omit<FieldProblem, "message">[] = [],
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = errorStatus[code];
    this.params = params;
    this.fields = fields;
  }
}

export const notFound = (what: string): AppError => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (permission: string): AppError =>
  new AppError("FORBIDDEN", `missing permission ${permission}`);

/**
 * One field failed a rule the schema cannot express (a date before the plan existed, an unknown team);
 * `params` fill the message's placeholders besides the field's label (the date that is a holiday).
 */
export const invalid = (
  field: string,
  code: string,
  params: Record<string, string | number> = {},
): AppError => new AppError("VALIDATION_FAILED", `${field}: ${code}`, params, [{ field, code }]);
