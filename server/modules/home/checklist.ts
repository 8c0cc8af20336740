import { type ChecklistStep, checklistStepKeys } from "../../../common/schemas/me.ts";

/** What the first steps are read from: counts in the organisation's own data. */
export interface ChecklistFacts {
  /** People other than the coordinator looking, not erased. */
  people: number;
  scans: number;
  /** Trajectories not archived. */
  trajectories: number;
  /** Cohorts planned and not cancelled. */
  cohorts: number;
  /** People other than the coordinator who were sent an invitation or have signed in. */
  invited: number;
}

const countFor: Record<ChecklistStep["key"], (facts: ChecklistFacts) => number> = {
  people: (f) => f.people,
  scan: (f) => f.scans,
  template: (f) => f.trajectories,
  cohort: (f) => f.cohorts,
  invite: (f) => f.invited,
};

/**
 * A new organisation's first steps, in the order that works (people first, so a scan and a cohort have
 * someone to invite). Each is ticked from the data, never stored: a step undone (the only cohort
 * cancelled) opens again, and nothing can drift out of step with what is really there.
 */
export function deriveChecklist(facts: ChecklistFacts): ChecklistStep[] {
  return checklistStepKeys.map((key) => {
    const count = countFor[key](facts);
    return { key, done: count > 0, count };
  });
}
