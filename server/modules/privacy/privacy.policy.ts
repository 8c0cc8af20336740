import { authorizerFor, type Grants } from "../../policy.ts";

export type PrivacyPermission = "person.export" | "person.erase";

export const privacyGrants: Grants<PrivacyPermission> = {
  "person.export": ["coordinator"],
  "person.erase": ["coordinator"],
};

export const authorize = authorizerFor(privacyGrants);

/** Nobody erases themselves here: they would lose access mid-request (a coordinator asks another one). */
export function canErase(facts: { actorId: string; personId: string }): boolean {
  return facts.actorId !== facts.personId;
}
