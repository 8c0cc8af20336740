import type { WorkingCalendar } from "../../../common/working-week.ts";
import { authorizerFor, type Grants } from "../../policy.ts";
import { dayOffReason } from "./working-days.ts";

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
 * Practice days fall on days people work: in the organisation's working week and not on a public holiday
 * of its country. The coordinator chooses them, so a day off is refused with the reason rather than moved
 * silently (the room, the trainer and the participants are booked for the date written). A date that is
 * added or moved may not lie in the past (said first: no other day would help then). Dates kept from before may break either rule, so a running
 * cohort can still be corrected after the working week changed. Returns the failing rule, or null.
 */
export function practiceDateProblem(
  sessionDates: readonly string[],
  today: string,
  calendar: WorkingCalendar,
  kept: readonly string[] = [],
): "not_a_working_day" | "public_holiday" | "date_in_past" | "dates_not_in_order" | null {
  const fresh = sessionDates.filter((date) => !kept.includes(date));
  if (fresh.some((date) => date < today)) return "date_in_past";
  const offReasons = fresh.map((date) => dayOffReason(date, calendar));
  if (offReasons.includes("not_a_working_day")) return "not_a_working_day";
  if (offReasons.includes("public_holiday")) return "public_holiday";
  const sorted = [...new Set(sessionDates)].sort();
  if (sorted.join() !== sessionDates.join()) return "dates_not_in_order";
  return null;
}
