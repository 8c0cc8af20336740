// Kept apart from `schemas/sso.ts`, without zod: the sign-in page reads these, and a phone opening it
// should not download and run the schema library for one list of words (decision 0031).

/** Why a sign-in through the organisation's provider did not go through (`/sign-in?sso=<reason>`). */
export const ssoFailureReasons = [
  "unavailable",
  "unreachable",
  "cancelled",
  "failed",
  "expired",
  "unverified",
  "domain",
  "unknown",
  "deactivated",
  "conflict",
] as const;
export type SsoFailureReason = (typeof ssoFailureReasons)[number];
