import { randomUUID } from "node:crypto";
import type { Activity, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";

/**
 * Gives every activity and competence a stable id: learner progress, cohort schedules, questions and
 * measures refer to them, so renaming one keeps its history.
 */
export function withActivityIds(document: TrajectoryDocument): TrajectoryDocument {
  return {
    ...document,
    competences: withIds(document.competences),
    activities: withIds(document.activities),
  };
}

function withIds<T extends { id?: string | undefined }>(items: T[]): (T & { id: string })[] {
  const seen = new Set<string>();
  return items.map((item) => {
    const id = item.id && !seen.has(item.id) ? item.id : randomUUID();
    seen.add(id);
    return { ...item, id };
  });
}

/**
 * Activities that an edit removes. They are kept as retired rather than lost, so that history that
 * refers to them (completions, schedules) stays readable.
 */
export function retiredBy(previous: TrajectoryDocument, next: TrajectoryDocument): Activity[] {
  const kept = new Set(next.activities.map((a) => a.id));
  return previous.activities.filter((a) => a.id && !kept.has(a.id));
}
