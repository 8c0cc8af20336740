import { z } from "zod";
import { SecretUnreadable, type SecretSealer } from "../../crypto/secrets.ts";
import type { FlowChecks } from "./provider.ts";

/**
 * One sign-in between leaving for the provider and coming back, kept in the browser that started it:
 * a sealed, http-only cookie (AES-GCM, `server/crypto/secrets.ts`). Keeping it in that browser is what
 * makes the state check mean something: a code and state sent to someone else's browser finds no
 * cookie there, so nobody can be signed in to another person's account by a link (login CSRF).
 */
export const FLOW_COOKIE = "beklijf_sso";
/** The cookie is sent only to the callback; SameSite=Lax lets it ride along on the provider's redirect. */
export const FLOW_COOKIE_PATH = "/api/auth/oidc";
/** Ten minutes to sign in at the provider. */
export const FLOW_MINUTES = 10;

const CONTEXT = "sso-flow";

const flowSchema = z.object({
  organisationId: z.string(),
  /** A sign-in, or a coordinator's test of the configuration (then who started it). */
  purpose: z.enum(["sign-in", "test"]),
  testerId: z.string().nullable(),
  codeVerifier: z.string(),
  state: z.string(),
  nonce: z.string(),
  expiresAt: z.number(),
});
export type FlowState = z.infer<typeof flowSchema>;

export function sealFlow(
  sealer: SecretSealer,
  flow: { organisationId: string; purpose: FlowState["purpose"]; testerId: string | null },
  checks: FlowChecks,
  now: Date,
): string {
  const state: FlowState = { ...flow, ...checks, expiresAt: now.getTime() + FLOW_MINUTES * 60_000 };
  return sealer.seal(JSON.stringify(state), CONTEXT);
}

/** The flow this browser started, or null when it has none, it expired, or the cookie was altered. */
export function openFlow(sealer: SecretSealer, cookie: string | undefined, now: Date): FlowState | null {
  if (!cookie) return null;
  try {
    const flow = flowSchema.parse(JSON.parse(sealer.open(cookie, CONTEXT)));
    return flow.expiresAt > now.getTime() ? flow : null;
  } catch (error) {
    if (error instanceof SecretUnreadable || error instanceof SyntaxError || error instanceof z.ZodError)
      return null;
    throw error;
  }
}
