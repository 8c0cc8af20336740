import { authorizerFor, type Grants } from "../../policy.ts";

export type AiPermission = "ai.manage" | "ai.draft";

export const aiGrants: Grants<AiPermission> = {
  // Where the organisation's text goes and what it pays for: the coordinator's, like single sign-on.
  "ai.manage": ["coordinator"],
  // Asking for drafts and reviewing them is building a trajectory's bank.
  "ai.draft": ["coordinator", "designer"],
};

export const authorize = authorizerFor(aiGrants);
