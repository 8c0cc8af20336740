/**
 * Which address an ID token vouches for, and whether Beklijf may trust it (decision 0023). Pure: the
 * token's signature, issuer, audience, expiry and nonce were checked by openid-client before this runs.
 */

export type IdClaims = Record<string, unknown>;

export type EmailVerdict =
  { trusted: true; email: string; name: string | null } | { trusted: false; reason: "unverified" | "domain" };

const MICROSOFT = "login.microsoftonline.com";
const GOOGLE_ISSUERS = new Set(["https://accounts.google.com", "accounts.google.com"]);
/** Entra's tenant-independent issuers: any tenant's accounts can sign in. */
const ENTRA_SHARED_TENANTS = new Set(["common", "organizations", "consumers"]);

export type IssuerKind = "entra-single" | "entra-multi" | "google" | "standard";

/** What kind of issuer a configured address is; the trust rules differ. */
export function issuerKind(issuerUrl: string): IssuerKind {
  const url = new URL(issuerUrl);
  if (url.hostname === MICROSOFT) {
    const tenant = url.pathname.split("/").find(Boolean) ?? "";
    return ENTRA_SHARED_TENANTS.has(tenant.toLowerCase()) ? "entra-multi" : "entra-single";
  }
  if (GOOGLE_ISSUERS.has(url.origin)) return "google";
  return "standard";
}

const isTrue = (value: unknown) => value === true || value === "true";
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/** The address the token names: `email`, else (Entra, which often leaves it out) `preferred_username`. */
function addressOf(claims: IdClaims, kind: IssuerKind): string | null {
  const email = text(claims.email) ?? (kind.startsWith("entra") ? text(claims.preferred_username) : null);
  return email && /^[^@\s]+@[^@\s]+$/.test(email) ? email.toLowerCase() : null;
}

/** The person's name as the provider gives it, for a person created at first sign-in. */
function nameOf(claims: IdClaims): string | null {
  const given = text(claims.given_name);
  const family = text(claims.family_name);
  return text(claims.name) ?? ([given, family].filter(Boolean).join(" ") || null);
}

/**
 * Whether the provider vouches for the address:
 * - `email_verified: true` is enough anywhere;
 * - Entra leaves it out. A single-tenant issuer is the organisation's own directory, whose administrators
 *   alone set addresses, so its `email` (or `preferred_username`) is trusted. A multi-tenant issuer lets
 *   any tenant in, and any tenant's administrator can type any address, so it needs Microsoft's own
 *   "domain owner verified" claim `xms_edov` (an optional claim the app registration adds).
 */
function isVouchedFor(claims: IdClaims, kind: IssuerKind): boolean {
  if (isTrue(claims.email_verified)) return true;
  if (kind === "entra-single") return true;
  if (kind === "entra-multi") return isTrue(claims.xms_edov);
  return false;
}

/**
 * The address to match a person by, when the token vouches for it and it lies in an allowed domain.
 * Google also names the Workspace domain (`hd`): a private Google account with a company address is
 * not the company's account, so `hd` must be an allowed domain too.
 */
export function trustedEmail(
  claims: IdClaims,
  { issuerUrl, allowedDomains }: { issuerUrl: string; allowedDomains: readonly string[] },
): EmailVerdict {
  const kind = issuerKind(issuerUrl);
  const email = addressOf(claims, kind);
  if (!email || !isVouchedFor(claims, kind)) return { trusted: false, reason: "unverified" };
  const domain = email.split("@")[1]!;
  if (!allowedDomains.includes(domain)) return { trusted: false, reason: "domain" };
  if (kind === "google" && !allowedDomains.includes(String(claims.hd ?? "").toLowerCase()))
    return { trusted: false, reason: "domain" };
  return { trusted: true, email, name: nameOf(claims) };
}

/** The email domain of an address, lower-cased. */
export const domainOf = (email: string): string => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/**
 * The issuer identifier of a configured address: a discovery document's address is cut back to its
 * issuer, so openid-client checks the issuer it discovers (and applies Entra's `{tenantid}` rule).
 */
export function issuerIdentifier(issuerUrl: string): URL {
  return new URL(issuerUrl.replace(/\/\.well-known\/openid-configuration\/?$/, ""));
}
