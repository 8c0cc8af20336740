/** What other modules may use of this one; everything else in the folder is its own business. */
export { issueToken } from "./auth.service.ts";
export { endAllSessions } from "./sessions.ts";
export { collectSecondFactors, eraseSecondFactors } from "./second-factor-admin.service.ts";
export { hashSecret, newSecret } from "./tokens.ts";
export { endSession, SESSION_COOKIE, SESSION_DAYS, setSessionCookie, startSession } from "./sessions.ts";
