import { authorizerFor } from "../../policy.ts";

/** Who may hand a directory the keys to the organisation's people: coordinators only. */
export const authorize = authorizerFor({ "scim.manage": ["coordinator"] });
