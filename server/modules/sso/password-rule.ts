import type { Tenant } from "../../db/tenant.ts";
import { findPasswordRule } from "./sign-in.service.ts";
import { isPasswordSignInAllowed } from "./sso.policy.ts";

/**
 * Whether a person may sign in with a password (or a link) in their organisation: the auth module is
 * given this function by the composition root, so it never imports this module (which uses its sessions).
 */
export async function passwordSignInAllowed(tenant: Tenant, personId: string): Promise<boolean> {
  return isPasswordSignInAllowed(await findPasswordRule(tenant), personId);
}
