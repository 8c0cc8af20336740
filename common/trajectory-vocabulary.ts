/**
 * The words of a trajectory, without zod, so the web app can use them without loading the schemas.
 */
export const phases = ["before", "kickoff", "session", "between", "after"] as const;
export type Phase = (typeof phases)[number];

export const activityTypes = [
  "theory-module",
  "video",
  "reading",
  "insight-test",
  "practice-session",
  "simulation",
  "on-the-job-assignment",
  "peer-feedback",
  "reflection",
  "action-plan",
  "manager-check-in",
  "coaching-session",
  "retrieval-practice",
  "competence-proof",
  "learner-survey",
] as const;
export type ActivityType = (typeof activityTypes)[number];

export const skillKinds = ["open", "closed"] as const;

export const severities = ["high", "medium", "low"] as const;
export type Severity = (typeof severities)[number];
