import { authorizerFor, type Grants } from "../../policy.ts";

export type OrganisationPermission = "people.read" | "people.manage" | "teams.manage" | "organisation.update";

export const organisationGrants: Grants<OrganisationPermission> = {
  // Designers plan cohorts, so they choose participants by name and team.
  "people.read": ["coordinator", "designer"],
  "people.manage": ["coordinator"],
  "teams.manage": ["coordinator"],
  "organisation.update": ["coordinator"],
};

export const authorize = authorizerFor(organisationGrants);

/** Nobody deactivates themselves: they would lose access in the middle of what they were doing. */
export function canDeactivate(facts: { actorId: string; personId: string }): boolean {
  return facts.actorId !== facts.personId;
}

/** Whether a change takes the coordinator role or access away from the person it changes. */
export function endsCoordination(patch: {
  roles?: readonly string[] | undefined;
  status?: string | undefined;
}): boolean {
  const losesRole = patch.roles !== undefined && !patch.roles.includes("coordinator");
  return losesRole || patch.status === "deactivated";
}

/**
 * Someone must always be able to manage people: the last active coordinator cannot leave that role
 * (by losing it, being deactivated or erased). Others may, and a non-coordinator always may.
 */
export function canStopCoordinating(facts: {
  personId: string;
  activeCoordinatorIds: readonly string[];
}): boolean {
  const isCoordinator = facts.activeCoordinatorIds.includes(facts.personId);
  return !isCoordinator || facts.activeCoordinatorIds.length > 1;
}
