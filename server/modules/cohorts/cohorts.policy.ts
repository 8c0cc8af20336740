import type { Actor } from "../../http/context.ts";
import { authorize as authorizeWith, type Grants } from "../../policy.ts";

export type CohortPermission = "cohort.read" | "cohort.plan";

/** Designers and coordinators plan cohorts; managers also read them (whose people take part, and when). */
export const cohortGrants: Grants<CohortPermission> = {
  "cohort.read": ["coordinator", "designer", "manager"],
  "cohort.plan": ["coordinator", "designer"],
};

export function authorize(actor: Actor, permission: CohortPermission): void {
  authorizeWith(cohortGrants, actor, permission);
}

/**
 * Who a cohort plan names: members of the chosen teams (never their managers, who guide rather than
 * take part) plus the people chosen by name.
 */
export function plannedParticipants(facts: {
  teamMembers: { personId: string; isManager: boolean }[];
  chosenPersonIds: string[];
}): string[] {
  const members = facts.teamMembers.filter((m) => !m.isManager).map((m) => m.personId);
  return [...new Set([...members, ...facts.chosenPersonIds])];
}
