/**
 * Stable error codes. Clients switch on these; renaming one is a breaking change.
 * Each code has an HTTP status here and a user message under `errors.<CODE>` in the catalogues.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  INVALID_ADDRESS: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CURRENT_PASSWORD_WRONG: 400,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  TEAM_NAME_TAKEN: 409,
  EDIT_CONFLICT: 409,
  SCAN_ALREADY_ANSWERED: 409,
  SCAN_CLOSED: 409,
  /** The scan has opened: it holds (or may hold) answers, so it can be closed but not deleted. */
  SCAN_STARTED: 409,
  /** The scan already holds as many shared-link answers as it has invited people. */
  SCAN_SHARED_LINK_FULL: 409,
  TOKEN_INVALID: 410,
  /** An email sign-in request that expired, was spent, or had too many wrong codes (decision 0024). */
  SIGN_IN_REQUEST_GONE: 410,
  SIGN_IN_CODE_WRONG: 400,
  /** Coordinators sign in with a password: a printed card is not enough for everyone's data. */
  SIGN_IN_CARD_NOT_ALLOWED: 409,
  /** A one-click link from the in-app digest preview: it shows what it would record, and records nothing. */
  DIGEST_PREVIEW_LINK: 409,
  CANNOT_DEACTIVATE_SELF: 409,
  LAST_COORDINATOR: 409,
  IMPORT_INVALID: 422,
  QUESTIONS_IMPORT_INVALID: 422,
  NOT_A_TEST: 422,
  ALREADY_SUBMITTED: 409,
  /** A manager confirmed the application: the learner can no longer change or remove it. */
  APPLICATION_CONFIRMED: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
  NOT_A_SURVEY: 422,
  STANDARDS_LOCKED: 409,
  NO_INTERVIEW_CONSENT: 409,
  /** The interview was marked final: its notes are a record now. */
  INTERVIEW_FINAL: 409,
  NO_PRACTICE_DAY: 422,
  /** A cancelled cohort is kept for history and no longer changed. */
  COHORT_CANCELLED: 409,
  /** A content package that Beklijf keeps but cannot play yet (cmi5), or no content origin is configured. */
  PACKAGE_NOT_PLAYABLE: 422,
  /** The organisation requires single sign-on: this person signs in with the organisation account. */
  SSO_REQUIRED: 403,
  /** Single sign-on can be switched on only after a successful test of the current connection. */
  SSO_NOT_TESTED: 409,
  SSO_NOT_CONFIGURED: 409,
  /** The session still owes a second factor (decision 0026): only the steps that finish signing in work. */
  SECOND_FACTOR_PENDING: 403,
  /** The session owes no such step (it was settled already, perhaps in another tab). */
  SECOND_FACTOR_NOT_PENDING: 409,
  /** The browser's passkey answer did not check out (another site, an old challenge, an unknown key). */
  PASSKEY_REFUSED: 400,
  AUTHENTICATOR_APP_EXISTS: 409,
  AUTHENTICATOR_APP_NOT_STARTED: 409,
  /** The organisation requires a second factor of this person: the last one stays. */
  SECOND_FACTOR_STILL_REQUIRED: 409,
  /** New recovery codes asked for without a factor they could stand in for (a request that cannot be met). */
  SECOND_FACTOR_NONE: 400,
  /** A coordinator resets a colleague's factor; their own are managed in the profile. */
  SECOND_FACTOR_OWN_RESET: 409,
  /** The organisation has not switched AI drafting on (it is off by default, decision 0028). */
  AI_DISABLED: 409,
  /** The AI draft was already accepted or rejected by a designer. */
  AI_DRAFT_REVIEWED: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

/** One field's problem, as sent in `errors` of a problem+json body. */
export interface FieldProblem {
  field: string;
  /** Where inside the field, when it is nested ("document.desiredRetention", "answers.3"). */
  path?: string;
  code: string;
  message: string;
}

/** The problem+json body (RFC 9457) every API error uses. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
}
