import { authorize as authorizeWith, type Grants } from "../../policy.ts";
import type { Actor } from "../../http/context.ts";

export type OrganisationPermission = "people.read" | "people.manage" | "teams.manage" | "organisation.update";

export const organisationGrants: Grants<OrganisationPermission> = {
  // Designers plan cohorts, so they choose participants by name and team.
  "people.read": ["coordinator", "designer"],
  "people.manage": ["coordinator"],
  "teams.manage": ["coordinator"],
  "organisation.update": ["coordinator"],
};

export function authorize(actor: Actor, permission: OrganisationPermission): void {
  authorizeWith(organisationGrants, actor, permission);
}
