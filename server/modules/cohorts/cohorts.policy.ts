import { authorizerFor, type Grants } from "../../policy.ts";

export type CohortPermission = "cohort.read" | "cohort.plan";

/** Designers and coordinators plan cohorts; managers also read them (whose people take part, and when). */
export const cohortGrants: Grants<CohortPermission> = {
  "cohort.read": ["coordinator", "designer", "manager"],
  "cohort.plan": ["coordinator", "designer"],
};

export const authorize = authorizerFor(cohortGrants);

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

/** Planners see every cohort; a manager only those in which someone from a team they manage takes part. */
export function mayReadCohort(facts: {
  seesEveryCohort: boolean;
  participantIds: readonly string[];
  managedPersonIds: ReadonlySet<string>;
}): boolean {
  return facts.seesEveryCohort || facts.participantIds.some((id) => facts.managedPersonIds.has(id));
}

/**
 * Practice days fall on working days (Monday to Friday; public holidays are the scheduling issue's), and
 * a date that is added or moved may not lie in the past. Dates kept from before may, so a running
 * cohort can still be corrected. Returns the failing rule, or null.
 */
export function practiceDateProblem(
  sessionDates: readonly string[],
  today: string,
  kept: readonly string[] = [],
): "not_a_working_day" | "date_in_past" | "dates_not_in_order" | null {
  const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
  if (sessionDates.some((date) => weekday(date) === 0 || weekday(date) === 6)) return "not_a_working_day";
  if (sessionDates.some((date) => date < today && !kept.includes(date))) return "date_in_past";
  const sorted = [...new Set(sessionDates)].sort();
  if (sorted.join() !== sessionDates.join()) return "dates_not_in_order";
  return null;
}
