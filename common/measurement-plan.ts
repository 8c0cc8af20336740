import { instrumentActivityTypes, measurableBy, timingOfOffset } from "./impact-vocabulary.ts";
import type { Activity, PlannedMeasure, TrajectoryDocument } from "./schemas/trajectories.ts";

export const DEFAULT_PASS_PERCENT = 70;

/** The activity a line reads: by id, or by position ("#3") in a document that has no ids yet. */
export function activityOf(doc: TrajectoryDocument, activityId: string | undefined): Activity | undefined {
  if (activityId === undefined) return undefined;
  if (activityId.startsWith("#")) return doc.activities[Number(activityId.slice(1))];
  return doc.activities.find((a) => a.id === activityId);
}
export const DEFAULT_CONFIRMATIONS = 2;

/**
 * The plan a trajectory gets until the designer writes one: what Beklijf collects anyway (attendance,
 * tasks, confirmed applications, KPIs) plus one line per test and survey in the trajectory.
 */
export function derivedPlan(doc: TrajectoryDocument): PlannedMeasure[] {
  const plan: PlannedMeasure[] = [
    { instrument: "attendance", tier: 1, timing: "right-after" },
    { instrument: "activity-completion", tier: 2, timing: "delayed" },
  ];
  for (const [index, activity] of doc.activities.entries()) {
    const timing = timingOfOffset(activity.offsetDays);
    const activityId = activity.id ?? `#${index}`;
    if (activity.type === "learner-survey") {
      plan.push({ instrument: "learner-survey", tier: 3, timing, activityId });
    }
    if (activity.type === "insight-test") {
      plan.push({ instrument: "test", tier: 5, timing, activityId });
    }
    if (activity.type === "competence-proof") {
      plan.push({ instrument: "test", tier: 6, timing, activityId });
    }
  }
  if (doc.activities.some((a) => a.type === "retrieval-practice")) {
    plan.push(
      { instrument: "practice-recall", tier: 4, timing: "delayed" },
      { instrument: "practice-scenarios", tier: 5, timing: "delayed" },
    );
  }
  plan.push(
    { instrument: "confirmed-applications", tier: 7, timing: "delayed", threshold: DEFAULT_CONFIRMATIONS },
    { instrument: "organisation-kpi", tier: 8, timing: "delayed" },
  );
  return plan;
}

/** Lines that point at an activity the trajectory no longer has (or of the wrong type). */
export function brokenLines(doc: TrajectoryDocument, plan: PlannedMeasure[]): PlannedMeasure[] {
  return plan.filter((line) => {
    if (!instrumentActivityTypes[line.instrument]) return false;
    const activity = activityOf(doc, line.activityId);
    return !activity || !measurableBy(line.instrument, activity);
  });
}

/** Lines whose stated timing contradicts their activity's day (say "delayed" for a test on day 1). */
export function mistimedLines(doc: TrajectoryDocument, plan: PlannedMeasure[]): PlannedMeasure[] {
  return plan.filter((line) => {
    const activity = activityOf(doc, line.activityId);
    return activity !== undefined && timingOfOffset(activity.offsetDays) !== line.timing;
  });
}

/** The plan in force: the designer's own, or the derived one; lines with a missing activity drop out. */
export function effectivePlan(doc: TrajectoryDocument): { plan: PlannedMeasure[]; isDefault: boolean } {
  const own = doc.measurementPlan;
  const plan = own && own.length > 0 ? own : derivedPlan(doc);
  const broken = new Set(brokenLines(doc, plan));
  return { plan: plan.filter((line) => !broken.has(line)), isDefault: !own || own.length === 0 };
}
