import { authorizerFor, type Grants } from "../../policy.ts";

export type AuthPermission = "sign-in-card.manage";

export const authGrants: Grants<AuthPermission> = {
  // Printing a card hands out a way into someone's account: the people manager's act.
  "sign-in-card.manage": ["coordinator"],
};

export const authorize = authorizerFor(authGrants);
