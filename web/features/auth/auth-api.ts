import type { z } from "zod";
import type {
  changePasswordBody,
  signInBody,
  SessionsView,
  TokenInfo,
  TokenPasswordBody,
} from "../../../common/schemas/auth.ts";
import { api } from "../../lib/api.ts";
import { meKeys } from "../../lib/session.ts";

/** Query keys of the auth feature. Own sessions sit under the signed-in person's keys. */
export const authKeys = {
  sessions: meKeys.sessions,
  invitation: (token: string) => ["invitation", token] as const,
};

/** Typed calls to the auth API: sign-in, links, own sessions and the password change. */
export const authApi = {
  signIn: (body: z.input<typeof signInBody>) => api<{ ok: true }>("POST", "/api/auth/sign-in", body),
  forgotPassword: (email: string) => api<{ ok: true }>("POST", "/api/auth/forgot-password", { email }),
  resetPassword: (body: TokenPasswordBody) => api<{ ok: true }>("POST", "/api/auth/reset-password", body),
  lookupInvitation: (token: string) => api<TokenInfo>("POST", "/api/auth/invitations/lookup", { token }),
  acceptInvitation: (body: TokenPasswordBody) =>
    api<{ ok: true }>("POST", "/api/auth/invitations/accept", body),
  sessions: () => api<SessionsView>("GET", "/api/me/sessions"),
  endSession: (sessionId: string) => api<undefined>("DELETE", `/api/me/sessions/${sessionId}`),
  endOtherSessions: () => api<{ ended: number }>("POST", "/api/me/sessions/sign-out-others"),
  changePassword: (body: z.input<typeof changePasswordBody>) =>
    api<{ endedSessions: number }>("POST", "/api/me/password", body),
};
