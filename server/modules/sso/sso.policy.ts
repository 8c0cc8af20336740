import { authorizerFor, type Grants } from "../../policy.ts";

export type SsoPermission = "sso.manage";

export const ssoGrants: Grants<SsoPermission> = {
  // The connection decides who can sign in as whom: the coordinator's, like people and roles.
  "sso.manage": ["coordinator"],
};

export const authorize = authorizerFor(ssoGrants);

/**
 * Whether a person may still sign in with a password (or a link) in an organisation: yes, unless its
 * single sign-on is switched on and required, and they are not the named break-glass coordinator who
 * keeps a way in when the provider is down or misconfigured.
 */
export function isPasswordSignInAllowed(
  configuration: { enabled: boolean; requireSso: boolean; breakGlassPersonId: string | null } | undefined,
  personId: string,
): boolean {
  if (!configuration?.enabled || !configuration.requireSso) return true;
  return configuration.breakGlassPersonId === personId;
}

/** Whether a change touches how Beklijf talks to the provider; such a change needs a new test. */
export function changesConnection(
  before: { issuerUrl: string; clientId: string },
  after: { issuerUrl: string; oidcClientId: string; oidcClientSecret: string },
): boolean {
  return (
    before.issuerUrl !== after.issuerUrl ||
    before.clientId !== after.oidcClientId ||
    after.oidcClientSecret !== ""
  );
}
