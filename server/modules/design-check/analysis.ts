import type { Activity, ActivityType, TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { effectivePlan } from "../../../common/measurement-plan.ts";

/** Small questions the rules ask of a trajectory. Pure functions over the document. */

export const theoryTypes: ReadonlySet<ActivityType> = new Set(["theory-module", "video", "reading"]);

/**
 * The document as the rules judge it: an activity that plays a content package (SCORM, cmi5) is online
 * theory, whatever type it was given, because clicking through a module is not realistic practice
 * with feedback from a person.
 */
export function asDesigned(doc: TrajectoryDocument): TrajectoryDocument {
  if (!doc.activities.some((a) => a.packageId && !theoryTypes.has(a.type))) return doc;
  return {
    ...doc,
    activities: doc.activities.map((a) =>
      a.packageId && !theoryTypes.has(a.type) ? { ...a, type: "theory-module", theoryShare: undefined } : a,
    ),
  };
}

export const ofType = (doc: TrajectoryDocument, ...types: ActivityType[]): Activity[] =>
  doc.activities.filter((a) => types.includes(a.type));

export const sessionActivities = (doc: TrajectoryDocument): Activity[] =>
  doc.activities.filter((a) => a.phase === "session");

/** Activities after the (first) practice day. */
export const afterPracticeDay = (activities: Activity[]): Activity[] =>
  activities.filter(
    (a) => a.offsetDays > 0 && (a.phase === "between" || a.phase === "after" || a.phase === "session"),
  );

/** Activities before the practice day, the kick-off included. */
export const beforePracticeDay = (activities: Activity[]): Activity[] =>
  activities.filter((a) => a.phase === "before" || a.phase === "kickoff" || a.offsetDays < 0);

/** Practice sessions without a stated theory share are assumed to be one-third theory. */
export const theoryShareOf = (activity: Activity): number =>
  activity.theoryShare ?? (activity.type === "practice-session" ? 1 / 3 : 0);

export function theoryMinutes(activity: Activity): number {
  if (theoryTypes.has(activity.type)) return activity.durationMinutes;
  if (activity.type === "practice-session") return activity.durationMinutes * theoryShareOf(activity);
  return 0;
}

/** Minutes spent doing rather than listening: practice, simulation, work assignments, feedback, retrieval. */
export function practiceMinutes(doc: TrajectoryDocument): number {
  return doc.activities.reduce((sum, a) => {
    if (a.type === "practice-session") return sum + a.durationMinutes * (1 - theoryShareOf(a));
    if (["simulation", "on-the-job-assignment", "peer-feedback", "retrieval-practice"].includes(a.type)) {
      return sum + a.durationMinutes;
    }
    return sum;
  }, 0);
}

/**
 * The highest LTEM tier (1–8) the trajectory produces evidence for. With a measurement plan, the plan
 * decides (a measure before the practice day is a starting point and does not count); without one,
 * the activities do.
 */
export function highestTier(doc: TrajectoryDocument): number {
  if (doc.measurementPlan && doc.measurementPlan.length > 0) {
    const { plan } = effectivePlan(doc);
    return Math.max(1, ...plan.filter((line) => line.timing !== "before").map((line) => line.tier));
  }
  const tiers = [1, 2];
  for (const activity of doc.activities) {
    if (activity.type === "learner-survey") tiers.push(3);
    if (activity.type === "insight-test") tiers.push(4);
    if (activity.type === "retrieval-practice") tiers.push(5);
    if (activity.type === "competence-proof") tiers.push(6);
  }
  const confirmedAtWork =
    ofType(doc, "on-the-job-assignment").length > 0 &&
    afterPracticeDay(ofType(doc, "manager-check-in")).length > 0;
  if (confirmedAtWork) tiers.push(7);
  return Math.max(...tiers);
}
