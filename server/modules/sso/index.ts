/** What other modules may use of this one; everything else in the folder is its own business. */
export { passwordSignInAllowed } from "./password-rule.ts";
export { collectSsoIdentities, eraseSsoIdentities } from "./identities.ts";
