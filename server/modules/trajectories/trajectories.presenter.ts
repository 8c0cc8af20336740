import type { TrajectoryRow } from "./trajectories.service.ts";

export function presentTrajectory(row: TrajectoryRow & { updatedByName: string | null }) {
  return {
    id: row.id,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedByName,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    document: row.document,
  };
}

export function presentTrajectorySummary({ row, score }: { row: TrajectoryRow; score: number }) {
  return {
    id: row.id,
    title: row.title,
    targetBehaviour: row.document.targetBehaviour,
    version: row.version,
    activityCount: row.document.activities.length,
    score,
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}
