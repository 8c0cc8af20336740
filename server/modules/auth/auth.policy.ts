import { authorizerFor, type Grants } from "../../policy.ts";

export type AuthPermission = "sign-in-card.manage" | "second-factor.manage";

export const authGrants: Grants<AuthPermission> = {
  // Printing a card hands out a way into someone's account: the people manager's act.
  "sign-in-card.manage": ["coordinator"],
  // Requiring a second factor and resetting a colleague's lost one: the people manager's acts too.
  "second-factor.manage": ["coordinator"],
};

export const authorize = authorizerFor(authGrants);
