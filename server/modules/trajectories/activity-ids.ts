import { randomUUID } from "node:crypto";
import type { Activity, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";

/** Gives every activity a stable id; learner progress and cohort schedules refer to it. */
export function withActivityIds(document: TrajectoryDocument): TrajectoryDocument {
  const seen = new Set<string>();
  return {
    ...document,
    activities: document.activities.map((activity) => {
      const id = activity.id && !seen.has(activity.id) ? activity.id : randomUUID();
      seen.add(id);
      return { ...activity, id };
    }),
  };
}

/**
 * Activities that an edit removes. They are kept as retired rather than lost, so that history that
 * refers to them (completions, schedules) stays readable.
 */
export function retiredBy(previous: TrajectoryDocument, next: TrajectoryDocument): Activity[] {
  const kept = new Set(next.activities.map((a) => a.id));
  return previous.activities.filter((a) => a.id && !kept.has(a.id));
}
