import type { Db } from "../server/db/client.ts";
import { ssoConfigurations, ssoDomains } from "../server/db/schema/index.ts";
import { Tenant } from "../server/db/tenant.ts";
import { TEST_ORIGIN, caller, type SharedTestApp } from "./app.ts";
import type { TestIdentityProvider } from "./oidc-provider.ts";

/** Beklijf's callback address in the tests: the provider's client is registered with it. */
export const TEST_REDIRECT_URI = `${TEST_ORIGIN}/api/auth/oidc/callback`;

/** A browser at the identity provider: follows its redirects and keeps its cookies, as a browser would. */
async function visitProvider(url: string, jar: Map<string, string>, init: RequestInit = {}) {
  const response = await fetch(url, {
    ...init,
    redirect: "manual",
    headers: {
      ...(init.headers as Record<string, string>),
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    },
  });
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  await response.arrayBuffer();
  return response;
}

/**
 * Signs in at the provider's page as `account` and returns the address the provider sends the browser
 * back to (Beklijf's callback with code and state), or its error page's address.
 */
export async function loginAtProvider(idp: TestIdentityProvider, authorizationUrl: string, account: string) {
  const jar = new Map<string, string>();
  let location = authorizationUrl;
  let form: string | null = null;
  for (let hop = 0; hop < 8; hop += 1) {
    if (location.startsWith(TEST_ORIGIN)) return new URL(location);
    const response = form
      ? await visitProvider(location, jar, {
          method: "POST",
          body: new URLSearchParams({ account }),
          headers: { "content-type": "application/x-www-form-urlencoded" },
        })
      : await visitProvider(location, jar);
    form = null;
    const next = response.headers.get("location");
    if (!next) {
      // The interaction page: post its form.
      if (!location.includes("/interaction/"))
        throw new Error(`provider stopped at ${location}: ${response.status}`);
      location = `${location}/login`;
      form = account;
      continue;
    }
    location = new URL(next, idp.issuer).href;
  }
  throw new Error("too many redirects at the provider");
}

/** The `beklijf_sso` cookie a start set, as a Cookie header part. */
export function flowCookieOf(response: { cookies: { name: string; value: string }[] }): string | null {
  const cookie = response.cookies.find((c) => c.name === "beklijf_sso");
  return cookie ? `beklijf_sso=${cookie.value}` : null;
}

export const cookieHeader = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join("; ");

/** Calls Beklijf's callback the way the browser does when the provider sends it back. */
export function callBack(t: Pick<SharedTestApp, "app">, callbackUrl: URL, cookie: string) {
  return t.app.inject({
    method: "GET",
    url: `${callbackUrl.pathname}${callbackUrl.search}`,
    headers: cookie ? { cookie } : {},
  });
}

export interface SsoSettings {
  issuerUrl?: string;
  allowedDomains?: string[];
  allowJustInTime?: boolean;
  requireSso?: boolean;
  breakGlassPersonId?: string | null;
}

/** Saves the organisation's sign-in for the test provider (as its coordinator, over HTTP). */
export async function saveSso(
  t: SharedTestApp,
  coordinatorCookie: string,
  idp: TestIdentityProvider,
  settings: SsoSettings = {},
) {
  return caller(t)("PUT", "/api/sso/configuration", coordinatorCookie, {
    issuerUrl: idp.issuer,
    oidcClientId: idp.clientId,
    oidcClientSecret: idp.clientSecret,
    allowedDomains: ["jansen.test"],
    ...settings,
  });
}

/** Runs the coordinator's test sign-in at the provider as `account`; answers the callback's response. */
export async function runSsoTest(
  t: SharedTestApp,
  coordinatorCookie: string,
  idp: TestIdentityProvider,
  account: string,
) {
  const start = await caller(t)("POST", "/api/sso/test", coordinatorCookie);
  const { redirectTo } = start.json<{ redirectTo: string | null }>();
  if (!redirectTo) return null;
  const back = await loginAtProvider(idp, redirectTo, account);
  return callBack(t, back, cookieHeader(coordinatorCookie, flowCookieOf(start)));
}

/** Saves, tests (as `account`) and switches on the organisation's sign-in. */
export async function enableSso(
  t: SharedTestApp,
  coordinatorCookie: string,
  idp: TestIdentityProvider,
  settings: SsoSettings & { testAccount: string },
) {
  const { testAccount, ...rest } = settings;
  const saved = await saveSso(t, coordinatorCookie, idp, rest);
  if (saved.statusCode !== 200) throw new Error(`saving SSO failed: ${saved.body}`);
  await runSsoTest(t, coordinatorCookie, idp, testAccount);
  const on = await caller(t)("PUT", "/api/sso/enabled", coordinatorCookie, { enabled: true });
  if (on.statusCode !== 200) throw new Error(`switching SSO on failed: ${on.body}`);
}

/**
 * A person's sign-in from Beklijf's sign-in page: their address, then the provider's page as
 * `account`. Answers the start, the callback's answer and where it sent the browser.
 */
export async function signInWithSso(
  t: SharedTestApp,
  idp: TestIdentityProvider,
  { email, account }: { email: string; account: string },
) {
  const start = await t.app.inject({
    method: "GET",
    url: `/api/auth/oidc/start?email=${encodeURIComponent(email)}`,
  });
  const location = String(start.headers.location);
  if (!location.startsWith(idp.issuer)) return { start, location, callbackUrl: null, callback: null };
  const callbackUrl = await loginAtProvider(idp, location, account);
  const callback = await callBack(t, callbackUrl, flowCookieOf(start) ?? "");
  return { start, location: String(callback.headers.location), callbackUrl, callback };
}

/** The session cookie a response set, as a Cookie header (null when it set none). */
export function sessionCookieOf(
  response: { cookies: { name: string; value: string }[] } | null,
): string | null {
  const cookie = response?.cookies.find((c) => c.name === "beklijf_session" && c.value);
  return cookie ? `beklijf_session=${cookie.value}` : null;
}

/** An organisation's sign-in, switched on, written straight to the database (for tests that need one). */
export async function buildSsoConfiguration(
  db: Db,
  organisationId: string,
  {
    domain,
    clientId,
    issuerUrl = "https://login.example.test",
  }: { domain: string; clientId: string; issuerUrl?: string },
) {
  const tenant = new Tenant(db, organisationId);
  await db.insert(ssoConfigurations).values(
    tenant.row({
      issuerUrl,
      clientId,
      // Never opened by the tests that use this: a value in the sealed format, not a real seal.
      clientSecretSealed: "v1.test.AAAA.AAAA.AAAA",
      allowedDomains: [domain],
      enabled: true,
    }),
  );
  await db.insert(ssoDomains).values(tenant.row({ domain }));
  return { domain, clientId };
}
