import * as client from "openid-client";
import { isLoopbackHost } from "../../../common/schemas/sso.ts";
import type { IdClaims } from "./claims.ts";
import { issuerIdentifier } from "./claims.ts";

/**
 * The relying party, through openid-client (OpenID-certified): discovery, the authorization code flow
 * with PKCE (S256), state and nonce, and the ID token's checks (signature, issuer, audience, expiry,
 * nonce). Nothing here checks a token by hand.
 */

export interface Connection {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
}

/** The values one sign-in keeps between leaving for the provider and coming back. */
export interface FlowChecks {
  codeVerifier: string;
  state: string;
  nonce: string;
}

/** Seconds to wait for the provider: a person is waiting on the other side. */
const TIMEOUT_SECONDS = 10;

/**
 * Discovers the provider. Plain HTTP only to a loopback provider outside production (a provider on the
 * same machine, as the tests and a trial run use); everything else is HTTPS, which openid-client insists on.
 */
export async function connect(connection: Connection, { production }: { production: boolean }) {
  const issuer = issuerIdentifier(connection.issuerUrl);
  const insecure = !production && issuer.protocol === "http:" && isLoopbackHost(issuer.hostname);
  return client.discovery(
    issuer,
    connection.clientId,
    { client_secret: connection.clientSecret },
    // The standard's default method, supported by Entra ID, Google and every certified provider.
    client.ClientSecretBasic(connection.clientSecret),
    { timeout: TIMEOUT_SECONDS, ...(insecure && { execute: [client.allowInsecureRequests] }) },
  );
}

export type ProviderConfiguration = Awaited<ReturnType<typeof connect>>;

/** The provider's sign-in page for this attempt, and the checks to keep for the way back. */
export async function beginSignIn(
  configuration: ProviderConfiguration,
  { redirectUri, loginHint }: { redirectUri: string; loginHint?: string },
): Promise<{ url: string; checks: FlowChecks }> {
  const checks = {
    codeVerifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: "S256",
    state: checks.state,
    nonce: checks.nonce,
    ...(loginHint && { login_hint: loginHint }),
  });
  return { url: url.href, checks };
}

/**
 * Redeems the code the provider sent back (to `callbackUrl`, the full address it was called at) and
 * returns the ID token's claims once openid-client has checked state, PKCE, nonce and the token.
 */
export async function finishSignIn(
  configuration: ProviderConfiguration,
  callbackUrl: URL,
  checks: FlowChecks,
): Promise<IdClaims> {
  const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = { ...tokens.claims() } as IdClaims;
  if (claims.email || claims.preferred_username || !configuration.serverMetadata().userinfo_endpoint)
    return claims;
  // Providers that follow the standard to the letter put scope claims (email) only in the UserInfo
  // answer when an access token is issued; its subject must be the ID token's (checked by openid-client).
  const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, String(claims.sub));
  return { ...userInfo, ...claims };
}

/** Why talking to the provider failed, as the coordinator and the person are told. */
export interface ProviderFailure {
  kind: "unreachable" | "cancelled" | "provider-refused" | "token-invalid";
  /** The provider's own `error: error_description`, or which check failed; never a token or code. */
  detail: string | null;
}

const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 299)}…` : text);

/** Sorts an error from discovery or the code exchange into what a person can act on. */
export function describeProviderFailure(error: unknown): ProviderFailure {
  if (error instanceof client.AuthorizationResponseError) {
    const detail = clip([error.error, error.error_description].filter(Boolean).join(": "));
    return { kind: error.error === "access_denied" ? "cancelled" : "provider-refused", detail };
  }
  if (error instanceof client.ResponseBodyError) {
    return {
      kind: "provider-refused",
      detail: clip([error.error, error.error_description].filter(Boolean).join(": ")),
    };
  }
  if (error instanceof client.WWWAuthenticateChallengeError) {
    // A refused client authentication (401): the provider's words are in its challenge.
    const [challenge] = error.cause;
    const { error: code, error_description: description } = challenge?.parameters ?? {};
    return {
      kind: "provider-refused",
      detail: clip([code ?? `HTTP ${error.status}`, description].filter(Boolean).join(": ")),
    };
  }
  if (error instanceof client.ClientError) {
    const cause = error.cause as { claim?: unknown; attribute?: unknown } | TypeError | undefined;
    if (error.code === "OAUTH_TIMEOUT" || error.code === "OAUTH_ABORT" || isNetworkFailure(cause))
      return { kind: "unreachable", detail: null };
    // Name the claim or attribute that failed (aud, iss, nonce, state), never its value.
    const what = cause && !(cause instanceof Error) ? (cause.claim ?? cause.attribute) : undefined;
    return { kind: "token-invalid", detail: clip(`${error.message}${what ? ` (${String(what)})` : ""}`) };
  }
  if (isNetworkFailure(error)) return { kind: "unreachable", detail: null };
  if (error instanceof Error && error.name === "OperationProcessingError")
    return { kind: "token-invalid", detail: clip(error.message) };
  throw error;
}

/** fetch() rejects with a TypeError when the address does not answer at all. */
function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError && /fetch failed|ECONNREFUSED|ENOTFOUND/i.test(String(error.message));
}
